package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.NewEvent;
import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.log.ScannedLine;
import dev.omne.inspector.core.volume.InvalidRunIdException;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.Volume;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code inject}: appends one event to a run through the same locked path the omne runner uses. */
@Command(name = "inject", mixinStandardHelpOptions = true,
        description = {"Append one event to a run through the locked append path, and print the line written.",
                "id, ts and run_id are filled when absent. Exit 2 for an invalid event or run, 3 on lock timeout."})
final class InjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "A project folder, its .omne folder, or a run folder.")
    Path path;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run (default: the run folder given as PATH).")
    String run;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for another writer's lock (default: ${DEFAULT-VALUE}, as the runner).")
    double lockTimeoutSeconds;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--json", paramLabel = "JSON", required = true, description = "The whole event as one JSON object.")
        String json;

        @ArgGroup(exclusive = false)
        Parts parts;
    }

    static final class Parts {
        @Option(names = "--type", paramLabel = "TYPE", required = true, description = "Event type, e.g. gate.passed.")
        String type;

        @Option(names = "--node", paramLabel = "NODE_ID", description = "The node the event is about.")
        String node;

        @Option(names = "--field", paramLabel = "KEY=VALUE|KEY:=JSON",
                description = "A string field (KEY=VALUE) or a JSON field (KEY:=JSON). Repeatable.")
        List<String> fields = new ArrayList<>();
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(lockTimeoutSeconds >= 0)) {
            return refuse("--lock-timeout must be zero or more seconds");
        }
        Volume volume = Volume.open(path);
        String runId = run != null ? run : volume.focusRun().orElse(null);
        if (runId == null) {
            return refuse("say which run with --run RUN_ID");
        }
        try {
            RunIds.validate(runId);
        } catch (InvalidRunIdException e) {
            return refuse(e.getMessage());
        }
        if (!volume.runExists(runId)) {
            return refuse("run \"" + runId + "\" does not exist in " + volume.root() + " (no folder "
                    + volume.runDir(runId) + ")");
        }
        var refusal = volume.whyNotWritable(runId);
        if (refusal.isPresent()) {
            return refuse("will not append to run \"" + runId + "\": " + refusal.get());
        }
        ObjectNode json;
        try {
            json = source.json != null ? parseObject(source.json) : fromParts(source.parts);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        List<String> problems = NewEvent.problems(json, runId);
        if (!problems.isEmpty()) {
            return refuse("invalid event: " + String.join("; ", problems));
        }
        if (NodeStarted.TYPE.equals(json.path("type").asText()) && !json.has("kind")) {
            return refuse("invalid event: a node.started event needs its node kind: add "
                    + (source.json != null ? "\"kind\":\"bash\" to the JSON" : "--field kind=bash")
                    + " (or command, prompt, loop)");
        }
        String line = EventCodec.encode(NewEvent.complete(json, runId, Instant.now()));
        // The very bytes about to be written, judged as the runner will read them: refused rather than changed.
        ScannedLine verdict = LineJudge.judgeToWrite(line);
        if (verdict.outcome() != ScannedLine.Outcome.EVENT) {
            return refuse("invalid event: the omne runner could not read this line: " + verdict.describe());
        }
        if (verdict.hasDiagnostic()) {
            spec.commandLine().getErr().println("omne-inspector: warning: " + verdict.describe());
        }
        try {
            EventLog.append(volume.eventsFile(runId), line, new AppendOptions(
                    Duration.ofMillis(Math.round(lockTimeoutSeconds * 1000)), AppendOptions.DEFAULT.lockPoll()));
        } catch (LockTimeoutException e) {
            spec.commandLine().getErr().println("omne-inspector: " + e.getMessage());
            return Cli.LOCK_TIMEOUT;
        }
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("omne-inspector: " + message);
        return Cli.USAGE_OR_IO;
    }

    /** Judged by the runner's rules before anything is built from it; values are kept exactly as given. */
    static ObjectNode parseObject(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("--json is empty");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String problem = new LineJudge().jsonProblem(bytes, 0, bytes.length);
        if (problem != null) {
            throw new IllegalArgumentException("--json is not JSON the omne runner can read: " + problem);
        }
        return EventCodec.readExactObject(text);
    }

    private static ObjectNode fromParts(Parts parts) {
        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("type", parts.type);
        if (parts.node != null) {
            json.put("node_id", parts.node);
        }
        for (String field : parts.fields) {
            int jsonAt = field.indexOf(":=");
            int eq = field.indexOf('=');
            boolean isJson = jsonAt > 0 && jsonAt < eq;
            int split = isJson ? jsonAt : eq;
            if (split <= 0) {
                throw new IllegalArgumentException("--field " + field + ": expected KEY=VALUE or KEY:=JSON");
            }
            String key = field.substring(0, split);
            String value = field.substring(split + (isJson ? 2 : 1));
            if (List.of("type", "id", "ts", "run_id").contains(key)) {
                throw new IllegalArgumentException("--field may not set \"" + key + "\" (use --json for full control)");
            }
            if (json.has(key)) {
                throw new IllegalArgumentException("--field " + key + " given twice");
            }
            json.set(key, isJson ? parseValue(key, value) : json.textNode(value));
        }
        return json;
    }

    private static JsonNode parseValue(String key, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String problem = new LineJudge().valueProblem(bytes, 0, bytes.length);
        if (problem != null) {
            throw new IllegalArgumentException("--field " + key + ":= is not JSON the omne runner can read: " + problem);
        }
        try {
            return EventCodec.readExactValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--field " + key + ":= " + e.getMessage());
        }
    }
}

package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.EventCodec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCommandTest {
    @TempDir
    Path project;

    /** The command line's exit, its standard output as bytes, its standard error as text. */
    record Run(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("export"), Stream.of(args)).toArray(String[]::new);
        int exit = Cli.run(all, new PrintStream(out, true), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    VolumeGenerator.Result volume(int runs, int events, int malformedEvery) throws IOException {
        return VolumeGenerator.generate(project, VolumeGenerator.Options.defaults().withRuns(runs)
                .withEventsPerRun(events).withMalformedEvery(malformedEvery));
    }

    static void assertOneClearLine(Run r, String expected) {
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void jsonlToStandardOutputIsTheLogByteForByte() throws IOException {
        VolumeGenerator.RunFile run = volume(2, 2_000, 0).runs().get(1);
        Run r = export(project.toString(), "--run", run.runId(), "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertArrayEquals(Files.readAllBytes(run.file()), r.out());
    }

    @Test
    void malformedLinesOnlyWhenAskedAndTheRunFolderNamesTheRun() throws IOException {
        VolumeGenerator.RunFile run = volume(1, 700, 10).runs().getFirst();
        Path runDir = run.file().getParent();
        Run all = export(runDir.toString(), "--format", "jsonl", "--include-malformed");
        assertEquals(0, all.exit(), all.err());
        assertArrayEquals(Files.readAllBytes(run.file()), all.out());
        Run events = export(runDir.toString(), "--format", "jsonl");
        assertEquals(run.events(), events.text().lines().count());
    }

    @Test
    void csvAndTraceToAFileWithAFilter() throws IOException {
        VolumeGenerator.RunFile run = volume(1, 3_000, 0).runs().getFirst();
        Path csv = project.resolve("failed.csv");
        Run r = export(project.toString(), "--format", "csv", "--filter", "type:node.failed", "--columns",
                "line, node,error.kind", "-o", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, r.out().length);
        List<String> records = Files.readAllLines(csv);
        assertEquals("line,node,error.kind", records.getFirst());
        long failures = Files.readAllLines(run.file()).stream().filter(l -> l.contains("\"type\":\"node.failed\"")).count();
        assertTrue(failures > 0);
        assertEquals(failures + 1, records.size());
        assertTrue(records.get(1).matches("\\d+,\\w+,\\w+"), records.get(1));

        Path trace = project.resolve("run.json");
        r = export(run.file().toString(), "--format", "trace", "-o", trace.toString(), "--filter", "-type:node.output");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = EventCodec.mapper().readTree(trace.toFile());
        assertEquals(run.runId(), t.at("/metadata/run_id").asText());
        assertEquals("-type:node.output", t.at("/metadata/filter").asText());
        assertTrue(t.get("traceEvents").size() > 10);
        try (Stream<Path> files = Files.list(project)) {
            assertEquals(List.of(".omne", "failed.csv", "run.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void aPlainJsonlFileIsOneRunAndRunIsOptional() throws IOException {
        VolumeGenerator.RunFile run = volume(1, 300, 0).runs().getFirst();
        Path shared = project.resolve("shared.jsonl");
        assertEquals(0, export(project.toString(), "--format", "jsonl", "--filter", "-type:node.output",
                "-o", shared.toString()).exit());
        Run again = export(shared.toString(), "--format", "jsonl");
        assertEquals(0, again.exit(), again.err());
        assertArrayEquals(Files.readAllBytes(shared), again.out(), "an export exports to itself");
        Run named = export(shared.toString(), "--run", run.runId(), "--format", "trace");
        assertEquals(0, named.exit(), named.err());
        assertTrue(named.text().contains("\"run_id\":\"" + run.runId() + "\""));
        assertOneClearLine(export(shared.toString(), "--run", "other", "--format", "jsonl"), "not \"other\"");
    }

    @Test
    void usageAndIoProblemsExitTwoWithOneClearLine() throws IOException {
        volume(2, 100, 0);
        String p = project.toString();
        assertOneClearLine(export(p, "--format", "jsonl"), "say which run with --run RUN_ID (2 runs: ");
        assertOneClearLine(export(p, "--run", "nope", "--format", "jsonl"), "no run \"nope\" in " + project);
        assertOneClearLine(export(p, "--run", "../x", "--format", "jsonl"), "run id");
        String run = VolumeGenerator.generate(project, VolumeGenerator.Options.defaults().withEventsPerRun(100)).runs()
                .getFirst().runId();
        assertOneClearLine(export(p, "--run", run, "--format", "jsonl", "--filter", "/[/"), "bad filter: \"/[/\": not a regular expression");
        assertOneClearLine(export(p, "--run", run, "--format", "jsonl", "--filter", "is:bogus"), "bad filter: ");
        assertOneClearLine(export(p, "--run", run, "--format", "xml"), "unknown format \"xml\": use jsonl, csv or trace");
        assertOneClearLine(export(p, "--run", run, "--format", "jsonl", "--columns", "a"), "--columns applies to --format csv only");
        assertOneClearLine(export(p, "--run", run, "--format", "csv", "--columns", "a,,b"), "may not be empty");
        assertOneClearLine(export(p, "--run", run, "--format", "trace", "--include-malformed"), "--include-malformed");
        assertOneClearLine(export(project.resolve("missing").toString(), "--format", "jsonl"), "no such file or folder");
        assertOneClearLine(export(p, "--run", run, "--format", "jsonl", "-o", project.resolve("no/such/dir/out.jsonl").toString()),
                "no such file or folder");

        Path broken = Files.createDirectories(project.resolve(".omne/var/runs/broken/events.jsonl"));
        assertOneClearLine(export(p, "--run", "broken", "--format", "jsonl"), "not a regular file");
        assertTrue(Files.isDirectory(broken));

        Run usage = export(p);
        assertEquals(Cli.USAGE_OR_IO, usage.exit());
        assertTrue(usage.err().contains("--format"), usage.err());
    }

    @Test
    void aRunWithoutALogYetExportsNothing() throws IOException {
        Files.createDirectories(project.resolve(".omne/var/runs/fresh"));
        Run jsonl = export(project.toString(), "--format", "jsonl");
        assertEquals(0, jsonl.exit(), jsonl.err());
        assertEquals(0, jsonl.out().length);
        Run csv = export(project.toString(), "--format", "csv");
        assertEquals("line,ts,type,node,kind,summary\r\n", csv.text());
        Run trace = export(project.toString(), "--format", "trace");
        assertEquals(0, trace.exit(), trace.err());
        assertEquals("fresh", EventCodec.mapper().readTree(trace.out()).at("/metadata/run_id").asText());
    }

    @Test
    void anExportThatRunsOutOfSpaceLeavesNoHalfFile() throws Exception {
        Path mount = Files.createDirectories(project.resolve("tiny"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean mounted = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and mount rights)");
        try {
            VolumeGenerator.RunFile run = volume(1, 2_000, 0).runs().getFirst();
            assertTrue(run.bytes() > 128 * 1024);
            Path existing = Files.writeString(mount.resolve("existing.jsonl"), "as it was\n");
            Run r = export(project.toString(), "--format", "jsonl", "-o", existing.toString());
            assertEquals(Cli.USAGE_OR_IO, r.exit());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().toLowerCase().contains("space"), r.err());
            assertEquals("as it was\n", Files.readString(existing));
            try (Stream<Path> files = Files.list(mount)) {
                assertEquals(List.of(existing), files.toList(), "the temporary file is gone");
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

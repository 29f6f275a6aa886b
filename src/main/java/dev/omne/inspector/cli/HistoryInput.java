package dev.omne.inspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.SummaryCache;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code stats} and {@code compare} share: reading a PATH's runs into a history, and their JSON. */
final class HistoryInput {
    private HistoryInput() {
    }

    /**
     * Reads the runs PATH means (as {@code check} reads them) into a history, through {@code cache}. A log that cannot be read is one
     * {@code FILE: error: cannot read: REASON} line on {@code err}; the other runs are read all the same.
     */
    static HistoryLoader.Result load(Path path, SummaryCache cache, PrintWriter err) throws IOException {
        List<HistoryLoader.RunLog> logs = new ArrayList<>();
        for (LogTargets.Target target : LogTargets.resolve(path)) {
            logs.add(new HistoryLoader.RunLog(target.runId(), target.file()));
        }
        HistoryLoader.Result result = HistoryLoader.load(logs, Runtime.getRuntime().availableProcessors(),
                HistoryLoader.Listener.NONE, () -> false, cache.source());
        for (HistoryLoader.Unreadable u : result.unreadable()) {
            err.println(u.file() + ": error: cannot read: " + u.message());
        }
        err.flush();
        return result;
    }

    /** Pretty-printed JSON onto the command's output, which it leaves open. */
    static JsonGenerator jsonGenerator(Writer out) throws IOException {
        JsonGenerator g = EventCodec.mapper().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }

    static void unreadable(JsonGenerator g, List<HistoryLoader.Unreadable> unreadable) throws IOException {
        g.writeArrayFieldStart("unreadable_logs");
        for (HistoryLoader.Unreadable u : unreadable) {
            g.writeStartObject();
            g.writeStringField("run", u.runId());
            g.writeStringField("file", u.file().toString());
            g.writeStringField("message", u.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

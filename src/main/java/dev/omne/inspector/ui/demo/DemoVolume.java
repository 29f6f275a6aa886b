package dev.omne.inspector.ui.demo;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.volume.Volume;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded demo volume: a few small runs (completed, failed, one with malformed lines, one live) copied
 * from resources to a temporary folder, their timestamps moved so that they happened just now.
 */
public final class DemoVolume implements AutoCloseable {
    private static final String BASE = "/dev/omne/inspector/demo/";
    private static final Pattern TS = Pattern.compile("\"ts\":\"([^\"]+)\"");

    private final Path root;
    private final String liveRun;

    private DemoVolume(Path root, String liveRun) {
        this.root = root;
        this.liveRun = liveRun;
    }

    /** Copies the demo runs into a new temporary folder. */
    public static DemoVolume create() throws IOException {
        return create(Files.createTempDirectory("omne-demo-"), Instant.now());
    }

    /** Copies the demo runs into {@code folder}, moving their times so that the reference time is {@code now}. */
    public static DemoVolume create(Path folder, Instant now) throws IOException {
        List<String> runs = new ArrayList<>();
        String live = null;
        long shift = 0;
        for (String line : resourceLines("runs.txt")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length < 2 || line.startsWith("#")) {
                continue;
            }
            switch (parts[0]) {
                case "reference-time" -> shift = now.toEpochMilli() * 1000 - Timestamps.parseMicros(parts[1]);
                case "run" -> runs.add(parts[1]);
                case "live" -> live = parts[1];
                default -> {
                }
            }
        }
        Volume volume = Volume.at(folder);
        for (String run : runs) {
            Path file = volume.eventsFile(run);
            Files.createDirectories(file.getParent());
            StringBuilder out = new StringBuilder();
            for (String line : resourceLines(run + "/" + Volume.EVENTS_FILE)) {
                out.append(shiftTimes(line, shift)).append('\n');
            }
            Files.writeString(file, out, StandardCharsets.UTF_8);
        }
        return new DemoVolume(volume.root(), live);
    }

    private static String shiftTimes(String line, long shiftMicros) {
        Matcher m = TS.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long micros = Timestamps.parseMicros(m.group(1));
            String replacement = micros == Timestamps.NONE ? m.group()
                    : "\"ts\":\"" + Timestamps.format(Timestamps.ofMicros(micros + shiftMicros)) + "\"";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = DemoVolume.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("demo resource missing: " + name);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        }
    }

    /** The project folder of the demo volume. */
    public Path root() {
        return root;
    }

    /** The run the demo driver appends to. */
    public String liveRun() {
        return liveRun;
    }

    public Path liveLog() {
        return Volume.at(root).eventsFile(liveRun);
    }

    /** Deletes the temporary folder. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the OS cleans it up eventually
        }
    }
}

package dev.omne.inspector.cli;

import dev.omne.inspector.generate.VolumeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code check} keeps what it found in the cache folder and uses it the next time (in a fresh process, as a user runs
 * it), {@code --no-cache} reads the log whole, and a cache folder that cannot be written is used as it is and left as
 * it is. How a test knows the entry was used: a line is broken behind the cache's back (the log's size, time and
 * fingerprinted ends kept), which only a whole read sees.
 */
class CheckCacheTest {
    @TempDir
    Path dir;

    private Path log() throws IOException {
        Path file = dir.resolve("project/.omne/var/runs/r/events.jsonl");
        VolumeGenerator.generateFile(file, VolumeGenerator.Options.defaults().withEventsPerRun(3_000)
                .withMalformedEvery(500).withSeed(3));
        assertTrue(Files.size(file) > 256 * 1024, "large enough to get an entry");
        return file;
    }

    private record Run(int exit, String out) {
    }

    /** {@code check} in its own JVM, with {@code prefix} before java (setpriv), and the cache in {@code cache}. */
    private static Run check(List<String> prefix, Path cache, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + "omne.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"), "dev.omne.inspector.Main",
                "check"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), out);
    }

    /** Turns a good line in the middle of the log into an error, keeping its size, time and first and last bytes. */
    private static void breakALineBehindTheCachesBack(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        byte[] content = Files.readAllBytes(file);
        int at = content.length / 2;
        while (content[at - 1] != '\n' || content[at] != '{') {
            at++;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write('X');
        }
        Files.setLastModifiedTime(file, time);
    }

    /** Every file in a folder with its bytes and modification time. */
    private static TreeMap<String, String> contents(Path folder) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    out.put(f.getFileName().toString(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                            + " " + Files.getLastModifiedTime(f).toMillis());
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Test
    void aSecondCheckUsesWhatTheFirstKeptAndNoCacheReadsTheLogWhole() throws Exception {
        Path file = log();
        Path cache = dir.resolve("cache");
        Run first = check(List.of(), cache, file.toString());
        assertEquals(1, first.exit(), first.out());
        assertEquals(1, contents(cache).size(), "one entry kept: " + contents(cache));
        breakALineBehindTheCachesBack(file);

        Run second = check(List.of(), cache, file.toString());
        assertEquals(first, second, "the second check said what the first did: it used the entry");
        Run whole = check(List.of(), cache, "--no-cache", file.toString());
        assertNotEquals(first.out(), whole.out(), "--no-cache reads the whole log and sees the broken line");
        assertTrue(whole.out().contains(": error: "), whole.out());

        Files.writeString(file, "{\"type\":\"x.y\",\"ts\":\"2026-04-15T00:00:00Z\"}\nnot json\n",
                StandardOpenOption.APPEND);
        Run grown = check(List.of(), cache, file.toString());
        String[] lines = grown.out().split("\n");
        assertTrue(lines[lines.length - 2].endsWith(": error: expected a JSON object ('{'), found 'n'"), grown.out());
        assertEquals(errors(first.out()) + 1, errors(grown.out()), "the entry, then only the appended lines read");
        assertEquals(events(first.out()) + 1, events(grown.out()));
        assertEquals(errors(first.out()) + 2, errors(check(List.of(), cache, "--no-cache", file.toString()).out()));
    }

    /**
     * A cache folder nobody may write, with permissions really enforced: as root, check runs in a child process that
     * has given up the capabilities to bypass them (setpriv). It reads the entry there (and the bytes appended since)
     * and changes nothing in the folder; with no entry there, it reads the whole log.
     */
    @Test
    void aReadOnlyCacheFolderIsUsedAndLeftAsItIs() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "POSIX permissions and setpriv");
        Path file = log();
        Path cache = Files.createDirectories(dir.resolve("cache"));
        List<String> unprivileged = List.of();
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(cache)) {
            List<String> setpriv = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
                    "-dac_override,-dac_read_search");
            List<String> probe = new ArrayList<>(setpriv);
            probe.addAll(List.of("test", "!", "-w", cache.toString()));
            assumeTrue(works(probe), "running as root, and setpriv cannot drop the capabilities that bypass permissions");
            unprivileged = setpriv;
        }
        try {
            Run empty = check(unprivileged, cache, file.toString());
            assertEquals(check(List.of(), dir.resolve("other-cache"), "--no-cache", file.toString()), empty,
                    "with nothing kept and nothing to keep: the whole log read");
            assertEquals(0, contents(cache).size(), "nothing written");

            // An entry, written while the folder could be written; then read-only again.
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
            check(List.of(), cache, file.toString());
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));
            TreeMap<String, String> before = contents(cache);
            assertEquals(1, before.size());

            breakALineBehindTheCachesBack(file);
            Files.writeString(file, "not json\n", StandardOpenOption.APPEND);
            Run grown = check(unprivileged, cache, file.toString());
            String[] lines = grown.out().split("\n");
            assertTrue(lines[lines.length - 2].endsWith(": error: expected a JSON object ('{'), found 'n'"),
                    "the appended line was read: " + grown.out());
            assertEquals(errors(empty.out()) + 1, errors(grown.out()),
                    "the entry was used (the line broken behind its back is not seen), and the new line read");
            assertEquals(before, contents(cache), "the read-only folder is left as it was");
        } finally {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static long events(String out) {
        String[] lines = out.split("\n");
        return Long.parseLong(lines[lines.length - 1].replaceAll(".* (\\d+) events.*", "$1"));
    }

    private static long errors(String out) {
        String[] lines = out.split("\n");
        String summary = lines[lines.length - 1];
        return Long.parseLong(summary.replaceAll(".* (\\d+) errors.*", "$1"));
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

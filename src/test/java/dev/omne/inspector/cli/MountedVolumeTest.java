package dev.omne.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.cli.MountNamespace.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes on real small file systems (a tmpfs) that are full, read-only, or mounted inside a run: each scenario runs
 * the command line in its own user and mount namespaces, so it needs no root (see {@link MountNamespace}).
 */
class MountedVolumeTest {
    static final String LINE = "{\"type\":\"node.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"r\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}\n";

    @TempDir
    Path work;

    @BeforeEach
    void namespacesWithMounts() {
        assumeTrue(MountNamespace.unavailable().isEmpty(), () -> MountNamespace.unavailable().orElseThrow());
    }

    private String run(String script) throws IOException, InterruptedException {
        MountNamespace.Result r = MountNamespace.run(work, script);
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    /**
     * A 64 KiB file system: a long line that only partly fits is cut back to the line before; a first append to a run
     * without a log leaves no empty log behind; {@code export -o} names the file it could not write.
     */
    @Test
    void aFullDiskLeavesNoPartialLineNoEmptyLogAndNamesTheExportFile() throws Exception {
        // 61,000 bytes of events: the last page has 440 bytes free, so the kernel writes part of a long line.
        StringBuilder content = new StringBuilder();
        int i = 0;
        while (content.length() < 61_000 - 300) {
            content.append(String.format("{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"seq\":%d,\"pad\":\"%s\"}%n",
                    i++, "x".repeat(40)));
        }
        String head = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"pad\":\"";
        content.append(head).append("y".repeat(61_000 - content.length() - head.length() - 3)).append("\"}\n");
        Files.writeString(work.resolve("seed.jsonl"), content);
        String longLine = "{\"type\":\"c.d\",\"pad\":\"" + "z".repeat(2000) + "\"}";
        run("""
                M="$WORK/mnt"; mkdir -p "$M"; mount -t tmpfs -o size=64k tmpfs "$M"
                R="$M/.omne/var/runs"; mkdir -p "$R/r" "$R/empty"
                cp "$WORK/seed.jsonl" "$R/r/events.jsonl"
                head -c 4096 /dev/zero >"$M/filler"
                record long omne inject "$M" --run r --json '%s'
                cp "$R/r/events.jsonl" "$WORK/after.jsonl"
                cat /dev/zero >"$M/rest" 2>/dev/null || true
                record first omne inject "$M" --run empty --type a.b
                ls -A "$R/empty" >"$WORK/empty.ls"
                rm "$M/rest"; head -c 61440 /dev/zero >"$M/rest" 2>/dev/null || true
                record export omne export "$M" --run r --format jsonl -o "$M/export.jsonl"
                ls -A "$M" >"$WORK/mnt.ls"
                """.formatted(longLine));

        Recorded longInject = Recorded.of(work, "long");
        assertEquals(Cli.USAGE_OR_IO, longInject.exit(), longInject.err());
        assertTrue(longInject.err().contains("No space left on device"), longInject.err());
        assertArrayEquals(content.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(work.resolve("after.jsonl")),
                "no partial line is left behind");

        Recorded first = Recorded.of(work, "first");
        assertEquals(Cli.USAGE_OR_IO, first.exit(), first.err());
        assertTrue(first.err().contains("No space left on device"), first.err());
        assertEquals("", Files.readString(work.resolve("empty.ls")), "no empty events.jsonl left behind");

        Recorded export = Recorded.of(work, "export");
        assertEquals(Cli.USAGE_OR_IO, export.exit(), export.err());
        assertTrue(export.err().startsWith("omne-inspector: " + work.resolve("mnt/export.jsonl")
                + ": cannot write the export (No space left on device"), export.err());
        assertTrue(export.err().strip().endsWith("nothing was written"), export.err());
        assertEquals(".omne\nfiller\nrest\n", Files.readString(work.resolve("mnt.ls")), "no export or temporary file");
    }

    /** A read-only volume: check and follow work as ever; inject is refused up front with the reason. */
    @Test
    void aReadOnlyVolumeIsReadAndFollowedButNeverWritten() throws Exception {
        Files.writeString(work.resolve("seed.jsonl"), LINE + LINE);
        run("""
                M="$WORK/mnt"; mkdir -p "$M"; mount -t tmpfs -o size=1m tmpfs "$M"
                R="$M/.omne/var/runs"; mkdir -p "$R/a" "$R/b" "$R/no-log-yet"
                cp "$WORK/seed.jsonl" "$R/a/events.jsonl"; cp "$WORK/seed.jsonl" "$R/b/events.jsonl"
                mount -o remount,ro tmpfs "$M"
                record check omne check "$M"
                record inject omne inject "$M" --run a --type a.b
                record nolog omne inject "$M" --run no-log-yet --type a.b
                record follow timeout -s INT 4 "$JAVA" -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED \\
                  -cp "$CP" dev.omne.inspector.Main follow --from-start "$M"
                cp "$R/a/events.jsonl" "$WORK/a.after"; ls -A "$R/no-log-yet" >"$WORK/nolog.ls"
                """);
        Recorded check = Recorded.of(work, "check");
        assertEquals(0, check.exit(), check.err());
        assertEquals("3 runs, 4 events, 0 errors, 0 warnings\n", check.out());
        Recorded inject = Recorded.of(work, "inject");
        assertEquals(Cli.USAGE_OR_IO, inject.exit());
        assertTrue(inject.err().startsWith("omne-inspector: will not append to run \"a\": " + work.resolve(
                "mnt/.omne/var/runs/a/events.jsonl") + " is on a read-only file system ("), inject.err());
        Recorded noLog = Recorded.of(work, "nolog");
        assertEquals(Cli.USAGE_OR_IO, noLog.exit());
        assertTrue(noLog.err().contains("read-only file system"), noLog.err());
        Recorded follow = Recorded.of(work, "follow");
        assertEquals(4, follow.out().lines().filter(l -> l.contains(" node.started n1 ")).count(), follow.out());
        assertFalse(follow.out().contains("# notice"), follow.out());
        assertEquals(LINE + LINE, Files.readString(work.resolve("a.after")));
        assertEquals("", Files.readString(work.resolve("nolog.ls")));
    }

    /** A file system mounted on a run folder: its log is on another device than the runs folder, and refused. */
    @Test
    void aLogOnAnotherDeviceThanTheRunsFolderIsRefused() throws Exception {
        run("""
                R="$WORK/project/.omne/var/runs"; mkdir -p "$R/r"
                mount -t tmpfs -o size=64k tmpfs "$R/r"
                record inject omne inject "$WORK/project" --run r --type a.b
                ls -A "$R/r" >"$WORK/r.ls"
                """);
        Recorded inject = Recorded.of(work, "inject");
        assertEquals(Cli.USAGE_OR_IO, inject.exit(), inject.err());
        assertEquals("omne-inspector: " + work.resolve("project/.omne/var/runs/r/events.jsonl") + ": is on another"
                + " file system than the runs folder " + work.resolve("project/.omne/var/runs")
                + " (a mount inside the volume); nothing was written\n", inject.err());
        assertEquals("", Files.readString(work.resolve("r.ls")), "the log it created was removed again");
    }
}

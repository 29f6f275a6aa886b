package dev.omne.inspector.generate;

import java.util.SplittableRandom;

/** Plausible node output, prompt text and error messages, built from small word pools. */
final class Text {
    private static final String[] CLASSES = {
        "EventLog", "RunIndex", "Tailer", "VolumeWatcher", "JsonCodec", "LockFile", "NodeTable",
        "GateRunner", "PipeLoader", "Scheduler", "Diagnostics", "RunListView", "TimelineView"};
    private static final String[] METHODS = {
        "append", "readLine", "parse", "open", "close", "poll", "flush", "resolve", "render", "index", "apply"};
    private static final String[] WORDS = {
        "the", "event", "log", "node", "gate", "run", "reader", "writer", "lock", "offset", "line",
        "index", "file", "loop", "retry", "timeout", "parser", "buffer", "should", "must", "keep",
        "every", "change", "test", "failing", "passes", "because", "when", "after", "before", "then",
        "value", "field", "schema", "volume", "folder", "tail", "newline", "partial", "write", "read"};
    private static final String[] PACKAGES = {"left-pad", "request", "glob", "uuid", "chalk", "rimraf", "debug"};
    private static final String[] WORDS_OUT = {
        "Killed", "Segmentation fault (core dumped)", "panic: runtime error: index out of range [3] with length 3",
        "undefined", "EOF", "<<<<<<< HEAD", "thread 'main' panicked at src/main.rs:12:5", "Terminated"};

    private final SplittableRandom rnd;
    private final StringBuilder sb = new StringBuilder(4096);

    Text(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    private String pick(String[] pool) {
        return pool[rnd.nextInt(pool.length)];
    }

    private void words(int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(pick(WORDS));
        }
    }

    /** One line of a bash or command node's stdout/stderr. */
    String outputLine() {
        sb.setLength(0);
        int r = rnd.nextInt(200);
        if (r < 1) {
            longBlob();
        } else if (r < 20) {
            sb.append("[INFO] Compiling ").append(rnd.nextInt(1, 400)).append(" source files to target/classes");
        } else if (r < 32) {
            String c = pick(CLASSES);
            sb.append("[WARNING] src/main/java/dev/omne/core/").append(c).append(".java:[").append(rnd.nextInt(1, 900))
                    .append(',').append(rnd.nextInt(1, 80)).append("] unchecked conversion");
        } else if (r < 52) {
            sb.append("Tests run: ").append(rnd.nextInt(1, 90)).append(", Failures: 0, Errors: 0, Skipped: ")
                    .append(rnd.nextInt(3)).append(", Time elapsed: ").append(rnd.nextInt(0, 9)).append('.')
                    .append(rnd.nextInt(100, 999)).append(" s");
        } else if (r < 72) {
            sb.append("\u001b[32m\u2713\u001b[0m ").append(pick(CLASSES)).append(' ').append(pick(METHODS)).append(' ');
            words(rnd.nextInt(2, 6));
            sb.append(" (").append(rnd.nextInt(1, 2000)).append(" ms)");
        } else if (r < 88) {
            sb.append("\tat dev.omne.core.").append(pick(CLASSES)).append('.').append(pick(METHODS))
                    .append('(').append(pick(CLASSES)).append(".java:").append(rnd.nextInt(10, 800)).append(')');
        } else if (r < 96) {
            sb.append("npm warn deprecated ").append(pick(PACKAGES)).append('@').append(rnd.nextInt(1, 9)).append('.')
                    .append(rnd.nextInt(20)).append('.').append(rnd.nextInt(20)).append(": no longer supported");
        } else if (r < 108) {
            sb.append("+    return \"").append(pick(WORDS)).append("\"; // ");
            words(rnd.nextInt(2, 8));
        } else if (r < 116) {
            sb.append("copy C:\\Users\\runner\\work\\").append(pick(METHODS)).append(".obj dist\\")
                    .append(rnd.nextInt(1000)).append(".obj");
        } else if (r < 122) {
            sb.append("error[E0308]: mismatched types\n  --> src/").append(pick(METHODS)).append(".rs:")
                    .append(rnd.nextInt(1, 500)).append(':').append(rnd.nextInt(1, 60));
        } else if (r < 132) {
            sb.append("diff --git a/src/").append(pick(METHODS)).append(".rs b/src/").append(pick(METHODS)).append(".rs");
        } else if (r < 150) {
            sb.append("Downloading ").append(pick(PACKAGES)).append(' ').append(rnd.nextInt(101)).append('%');
        } else if (r < 165) {
            sb.append(rnd.nextBoolean() ? "BUILD SUCCESS" : rnd.nextBoolean() ? "ok" : "");
        } else if (r < 185) {
            sb.append("  PASS  src/").append(pick(METHODS)).append(".test.ts");
        } else {
            sb.append("$ ").append(pick(WORDS)).append(' ').append(pick(WORDS)).append(" --").append(pick(METHODS));
        }
        return sb.toString();
    }

    /** A chunk of a prompt node's streamed model text. */
    String promptChunk() {
        sb.setLength(0);
        int r = rnd.nextInt(100);
        if (r < 2) {
            sb.append("```java\n");
            int lines = rnd.nextInt(4, 20);
            for (int i = 0; i < lines; i++) {
                sb.append("    ").append(pick(CLASSES)).append(' ').append(pick(METHODS)).append("(\"")
                        .append(pick(WORDS)).append("\");\n");
            }
            sb.append("```\n");
        } else {
            int sentences = rnd.nextInt(4) == 0 ? 2 : 1;
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                String w = pick(WORDS);
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length()).append(' ');
                words(rnd.nextInt(3, 12));
                sb.append(rnd.nextInt(10) == 0 ? " \u2014 " : ", ").append("`").append(pick(CLASSES)).append('.')
                        .append(pick(METHODS)).append("`.");
            }
        }
        return sb.toString();
    }

    private void longBlob() {
        int kind = rnd.nextInt(3);
        // Mostly a few hundred bytes to 2 KB; one in 50 is 8 to 40 KB.
        int n = rnd.nextInt(50) == 0 ? rnd.nextInt(8_000, 40_000) : rnd.nextInt(300, 2000);
        if (kind == 0) {
            sb.append("{\"took\":").append(rnd.nextInt(1, 900)).append(",\"items\":[");
            while (sb.length() < n) {
                sb.append("{\"id\":").append(rnd.nextInt(100000)).append(",\"name\":\"").append(pick(WORDS))
                        .append("\",\"ok\":").append(rnd.nextBoolean()).append("},");
            }
            sb.setLength(sb.length() - 1);
            sb.append("]}");
        } else if (kind == 1) {
            String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            sb.append("artifact sha256 payload: ");
            for (int i = 0; i < n; i++) {
                sb.append(b64.charAt(rnd.nextInt(64)));
            }
            sb.append("==");
        } else {
            sb.append("classpath: ");
            while (sb.length() < n) {
                sb.append("/root/.m2/repository/dev/omne/").append(pick(WORDS)).append('/').append(rnd.nextInt(1, 9))
                        .append(".0/").append(pick(WORDS)).append(".jar:");
            }
        }
    }

    /** A human-readable message for a node.failed / run.failed error kind. */
    String errorMessage(String kind, String nodeId, String gate, int maxIterations) {
        return switch (kind) {
            case "crash" -> rnd.nextBoolean()
                    ? "process exited with status " + (rnd.nextBoolean() ? 137 : 1) + " (signal: " + (rnd.nextBoolean() ? "KILL" : "none") + ")"
                    : "thread 'main' panicked at src/" + pick(METHODS) + ".rs:" + rnd.nextInt(1, 400) + ":" + rnd.nextInt(1, 40)
                            + ": called `Result::unwrap()` on an `Err` value";
            case "max_iterations_exceeded" -> "loop " + nodeId + " reached max_iterations=" + maxIterations
                    + " without its exit condition";
            case "blocked" -> "node " + nodeId + " is blocked: waiting for a human decision on " + pick(WORDS);
            case "gate_failed" -> "gate " + (gate == null ? "check" : gate) + " exited with status " + rnd.nextInt(1, 3);
            case "gate_timeout" -> "gate " + (gate == null ? "check" : gate) + " timed out after " + rnd.nextInt(30, 600) + "s";
            case "host_missing" -> "host 'runner-" + rnd.nextInt(1, 9) + "' is not reachable: connection refused";
            default -> kind;
        };
    }

    /** A bare word: a line that is no JSON at all. */
    String bareWord() {
        return pick(WORDS_OUT);
    }

    String ticket() {
        return "OMN-" + rnd.nextInt(100, 9999);
    }

    String sentence(int min, int max) {
        sb.setLength(0);
        words(rnd.nextInt(min, max));
        return sb.toString();
    }
}

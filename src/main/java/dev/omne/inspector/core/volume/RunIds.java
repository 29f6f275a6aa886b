package dev.omne.inspector.core.volume;

import dev.omne.inspector.core.event.Ulid;

/** Run ids are single path segments: anything that could name another folder is refused. */
public final class RunIds {
    private RunIds() {
    }

    /** Returns the id, or throws {@link InvalidRunIdException} saying what is wrong with it. */
    public static String validate(String runId) {
        if (runId == null || runId.isEmpty()) {
            throw new InvalidRunIdException("a run id may not be empty");
        }
        if (runId.equals(".") || runId.equals("..")) {
            throw new InvalidRunIdException("a run id may not be '" + runId + "'");
        }
        if (runId.indexOf('/') >= 0 || runId.indexOf('\\') >= 0 || runId.indexOf('\0') >= 0) {
            throw new InvalidRunIdException("run id '" + runId.replace("\0", "\\0")
                    + "' must be one plain folder name, without '/', '\\' or NUL");
        }
        return runId;
    }

    public static boolean isValid(String runId) {
        try {
            validate(runId);
            return true;
        } catch (InvalidRunIdException e) {
            return false;
        }
    }

    /** The pipe part of an id like {@code feature-01kpfntqeej7vhn935kc0tm9vn}, or the whole id. */
    public static String pipeName(String runId) {
        int dash = runId.lastIndexOf('-');
        return dash > 0 && runId.length() - dash - 1 == 26 ? runId.substring(0, dash) : runId;
    }

    /** When a run id's ULID says the run started, in epoch milliseconds, or -1 for an id without one. */
    public static long startMillis(String runId) {
        int dash = runId.lastIndexOf('-');
        return dash > 0 ? Ulid.millis(runId.substring(dash + 1)) : -1;
    }

    /** A short form for display: the pipe and the last 6 characters of the ULID. */
    public static String shortId(String runId) {
        int dash = runId.lastIndexOf('-');
        if (dash > 0 && runId.length() - dash - 1 == 26) {
            return runId.substring(runId.length() - 6);
        }
        return runId;
    }
}

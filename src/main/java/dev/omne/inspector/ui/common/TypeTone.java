package dev.omne.inspector.ui.common;

/** How an event type is coloured in the table: by what it means, not by its exact name. */
public enum TypeTone {
    RUN, NODE, GATE, DONE, FAILED, OTHER, MALFORMED;

    public static TypeTone of(String type) {
        if (type == null) {
            return MALFORMED;
        }
        if (type.endsWith(".failed") || type.endsWith(".error")) {
            return FAILED;
        }
        if (type.endsWith(".completed") || type.endsWith(".passed")) {
            return type.startsWith("gate.") ? GATE : DONE;
        }
        if (type.startsWith("run.")) {
            return RUN;
        }
        if (type.startsWith("node.")) {
            return NODE;
        }
        if (type.startsWith("gate.")) {
            return GATE;
        }
        return OTHER;
    }
}

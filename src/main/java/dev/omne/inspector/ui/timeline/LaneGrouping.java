package dev.omne.inspector.ui.timeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the timeline's lanes are grouped. A group collapses to one summary lane that still shows where its members
 * ran; a group that would hold one lane is that lane.
 */
public enum LaneGrouping {
    /** A lane per node, in order of appearance. */
    NONE("One lane per node"),
    /** Nodes of a kind together ({@code bash}, {@code prompt}, ...). */
    KIND("By kind"),
    /** Nodes with the same name (the {@code name} of their {@code node.started}) together. */
    NAME("By name"),
    /** Nodes whose ids start alike ({@code build.unit}, {@code build.lint}: {@code build.*}) together. */
    PREFIX("By node id prefix"),
    /**
     * Each run of a node that ran more than once (a loop's iterations, a retry) on a lane of its own under the
     * node, and numbered nodes ({@code implement-1}, {@code implement-2}) under their common name.
     */
    RUNS("Runs under their node");

    /** The separators of id segments. */
    private static final String SEPARATORS = ".-_/:#";
    /** An iteration's number at the end of an id: {@code implement-2}, {@code shard_07}, {@code step#3}, {@code try[2]}. */
    private static final Pattern NUMBERED = Pattern.compile("(.*[^\\d.\\-_/:#\\[])([.\\-_/:#]|\\[)(\\d+)]?");

    private final String text;

    LaneGrouping(String text) {
        this.text = text;
    }

    /** The words of its menu item. */
    public String text() {
        return text;
    }

    /**
     * The key of a lane's group, or null for a lane that stays on its own.
     *
     * @param id   the node id
     * @param kind the node's kind, or null
     * @param name the node's name, or null (not known, or none)
     */
    String key(String id, String kind, String name) {
        return switch (this) {
            case NONE -> null;
            case KIND -> kind == null ? "(no kind)" : kind;
            case NAME -> name == null || name.isBlank() ? null : name;
            case PREFIX -> prefix(id);
            case RUNS -> base(id);
        };
    }

    /** The id up to and with its first separator ({@code build.} of {@code build.unit}), or null when it has none. */
    static String prefix(String id) {
        for (int i = 1; i < id.length() - 1; i++) {
            if (SEPARATORS.indexOf(id.charAt(i)) >= 0) {
                return id.substring(0, i + 1);
            }
        }
        return null;
    }

    /** The id without an iteration number at its end ({@code implement} of {@code implement-2}), else the id. */
    static String base(String id) {
        Matcher m = NUMBERED.matcher(id);
        return m.matches() ? m.group(1) : id;
    }
}

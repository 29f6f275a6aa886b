package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.Formats;

import java.nio.file.Path;

/**
 * What a folder is to omne, as the window would open it: an omne project (it holds {@code .omne}), the
 * {@code .omne} folder of one, a run folder, another folder inside a project's {@code .omne}, or none of these.
 *
 * @param root  the project folder it opens (null when it opens none)
 * @param runs  how many runs the project has, as the window lists them; -1 when not counted
 * @param runId the run a run folder opens at, else null
 */
public record FolderMark(Kind kind, Path root, int runs, String runId) {
    public enum Kind {
        /** Not looked at yet. */
        UNCHECKED,
        /** Neither a project nor inside one: opening it explains that there is no {@code .omne}. */
        NONE,
        PROJECT,
        OMNE,
        RUN,
        INSIDE
    }

    static final FolderMark UNCHECKED = new FolderMark(Kind.UNCHECKED, null, -1, null);
    static final FolderMark NONE = new FolderMark(Kind.NONE, null, -1, null);

    /** Whether opening the folder opens a project. */
    public boolean opensProject() {
        return root != null;
    }

    /** The name of the project it opens ({@code demo} for {@code /work/demo}), or an empty text. */
    public String project() {
        if (root == null) {
            return "";
        }
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
    }

    /** The note beside a row of the list: {@code omne project · 12 runs}, {@code inside project demo}. */
    public String rowNote() {
        return switch (kind) {
            case PROJECT -> runs < 0 ? "omne project" : "omne project · " + runs(runs);
            case OMNE -> "omne folder of project " + project();
            case RUN -> "run of project " + project();
            case INSIDE -> "inside project " + project();
            case NONE, UNCHECKED -> "";
        };
    }

    /** What the folder shown is, in a line above the list. */
    public String folderNote() {
        String counted = runs < 0 ? "" : " · " + runs(runs);
        return switch (kind) {
            case PROJECT -> "omne project " + project() + counted;
            case OMNE -> "The .omne folder of project " + project() + counted;
            case RUN -> "Run " + runId + " of project " + project() + ": the project opens with this run selected";
            case INSIDE -> "Inside the .omne folder of project " + project() + counted;
            case NONE -> "No omne project: this folder holds no .omne and is not inside one";
            case UNCHECKED -> "";
        };
    }

    /** {@code no runs}, {@code 1 run}, {@code 1,204 runs}. */
    static String runs(int n) {
        return n == 0 ? "no runs" : n == 1 ? "1 run" : Formats.count(n) + " runs";
    }
}

package dev.omne.inspector.generate;

import java.util.List;

/** The pipes the generator pretends to run: node graphs shaped like omne distro pipes. */
final class Pipes {
    private Pipes() {
    }

    /** One node of a pipe. {@code body} and {@code maxIterations} are only used by loop nodes. */
    record NodeDef(String id, String kind, String name, String model, String gate,
                   List<NodeDef> body, int maxIterations) {
        boolean isLoop() {
            return "loop".equals(kind);
        }
    }

    record Pipe(String name, List<NodeDef> nodes) {
    }

    private static NodeDef bash(String id, String name, String gate) {
        return new NodeDef(id, "bash", name, null, gate, List.of(), 0);
    }

    private static NodeDef command(String id, String name, String gate) {
        return new NodeDef(id, "command", name, null, gate, List.of(), 0);
    }

    private static NodeDef prompt(String id, String name, String model, String gate) {
        return new NodeDef(id, "prompt", name, model, gate, List.of(), 0);
    }

    private static NodeDef loop(String id, String name, int maxIterations, NodeDef... body) {
        return new NodeDef(id, "loop", name, null, null, List.of(body), maxIterations);
    }

    static final List<Pipe> ALL = List.of(
            new Pipe("feature", List.of(
                    prompt("plan", "Plan the change", "claude-sonnet-4", null),
                    bash("scaffold", null, null),
                    loop("implement", "Implement until green", 8,
                            prompt("code", "Write the code", "claude-opus-4", null),
                            command("build", null, "compiles"),
                            command("test", "Run the tests", "tests-green")),
                    prompt("review", "Review the diff", "claude-sonnet-4", "review-approved"),
                    prompt("docs", null, "claude-haiku-4", null),
                    bash("commit", "Commit and push", null))),
            new Pipe("bugfix", List.of(
                    bash("reproduce", "Reproduce the bug", "repro-fails"),
                    prompt("diagnose", null, "claude-sonnet-4", null),
                    loop("fix", "Fix until the repro passes", 5,
                            prompt("patch", null, "claude-sonnet-4", null),
                            command("verify", "Run the repro", "repro-passes")),
                    command("regress", "Full regression suite", "tests-green"),
                    bash("commit", null, null))),
            new Pipe("release", List.of(
                    prompt("changelog", "Draft the changelog", "claude-haiku-4", null),
                    bash("bump", "Bump versions", null),
                    command("build", null, "compiles"),
                    loop("publish", "Sign and upload", 3,
                            bash("sign", null, null),
                            command("upload", null, "upload-ok")),
                    bash("tag", null, null))),
            new Pipe("docs", List.of(
                    prompt("outline", "Outline the pages", "claude-sonnet-4", null),
                    loop("write", "Write and lint", 6,
                            prompt("draft", null, "claude-sonnet-4", null),
                            command("lint", "vale", "prose-clean")),
                    bash("publish", null, "site-builds"))));

    /** The pipes with these names, in the order given. */
    static List<Pipe> named(List<String> names) {
        List<Pipe> pipes = new java.util.ArrayList<>();
        for (String name : names) {
            pipes.add(ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no pipe \"" + name + "\" (there are "
                            + String.join(", ", ALL.stream().map(Pipe::name).toList()) + ")")));
        }
        return List.copyOf(pipes);
    }
}

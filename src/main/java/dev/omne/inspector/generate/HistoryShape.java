package dev.omne.inspector.generate;

import dev.omne.inspector.generate.Pipes.NodeDef;
import dev.omne.inspector.generate.Pipes.Pipe;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A run as it stands in a history: one pass through its pipe. Each node runs once (a loop's body once per
 * iteration); a transient failure (crash, host missing, gate timeout) is retried up to
 * {@link RunWriter#MAX_ATTEMPTS} attempts, more often on the pipe's flaky nodes; a loop's checking node fails
 * its gate on every iteration but the last. A failing run stops at one node for good (a gate that fails, a
 * block, a loop out of iterations, or a crash on every attempt) and writes {@code run.failed}; the nodes after
 * it are never reached. An unfinished run stops part-way, its node still running, without a run end.
 *
 * <p>Durations vary the way real ones do: each node has its own typical time (by kind), each run is a little
 * faster or slower, and one run in ten has one node two to four times slower. The event budget left after
 * the run's structure is node output, spread over the executions; a budget too small for the structure
 * stops the run where it runs out, unfinished.
 */
final class HistoryShape implements RunWriter.Shape {
    private static final String[] TRANSIENT = {"crash", "host_missing", "gate_timeout"};

    private enum Kind { RUN_STARTED, STARTED, OUTPUT, GATE, ITERATION, COMPLETED, FAILED, RETRYING, RUN_ENDED }

    /** One planned execution of a node. */
    private static final class Exec {
        final NodeDef def;
        final int attempt;
        final long durationMs;
        int outputs;
        int written;
        long startMs;

        Exec(NodeDef def, int attempt, long durationMs) {
            this.def = def;
            this.attempt = attempt;
            this.durationMs = durationMs;
        }
    }

    /** One event of the plan (an {@code OUTPUT} step stands for all of its execution's output). */
    private record Step(Kind kind, Exec exec, int number, String failKind, NodeDef retried) {
        Step(Kind kind, Exec exec, int number, String failKind) {
            this(kind, exec, number, failKind, null);
        }
    }

    private final RunWriter writer;
    private final SplittableRandom rnd;
    private final Pipe pipe;
    private final List<Step> steps = new ArrayList<>();
    private final List<Exec> timed = new ArrayList<>();
    private final ArrayDeque<Exec> open = new ArrayDeque<>();
    private final double runSpeed;
    private final NodeDef slowNode;
    private int next;
    private int nodesRun;
    private long clockMs;

    /**
     * @param failPercent the chance in percent that the run fails for good at one of its nodes
     * @param unfinished  whether it stops part-way without a run end
     * @param events      the run's event budget (malformed lines aside)
     */
    HistoryShape(RunWriter writer, SplittableRandom rnd, Pipe pipe, long startMs, int failPercent, boolean unfinished,
                 int events) {
        this.writer = writer;
        this.rnd = rnd;
        this.pipe = pipe;
        this.clockMs = startMs;
        this.runSpeed = 0.85 + rnd.nextDouble() * 0.35;
        List<NodeDef> simple = new ArrayList<>();
        collectSimple(pipe.nodes(), simple);
        this.slowNode = rnd.nextInt(10) == 0 ? simple.get(rnd.nextInt(simple.size())) : null;
        plan(rnd.nextInt(100) < failPercent);
        int structure = steps.size() - timed.size(); // events that are not output
        // An unfinished run is planned longer than its budget, and the budget ends it part-way.
        int planned = unfinished ? (int) (events / (0.3 + rnd.nextDouble() * 0.6)) : events;
        spreadOutputs(Math.max(0, planned - structure));
    }

    private static void collectSimple(List<NodeDef> nodes, List<NodeDef> into) {
        for (NodeDef def : nodes) {
            if (def.isLoop()) {
                collectSimple(def.body(), into);
            } else {
                into.add(def);
            }
        }
    }

    // ---- planning ----

    private void plan(boolean failing) {
        steps.add(new Step(Kind.RUN_STARTED, null, 0, null));
        List<NodeDef> nodes = pipe.nodes();
        int failAt = failing ? rnd.nextInt(nodes.size()) : -1;
        for (int i = 0; i < nodes.size(); i++) {
            String failed = i == failAt ? failForGood(nodes.get(i)) : node(nodes.get(i), true);
            if (failed != null) {
                steps.add(new Step(Kind.RUN_ENDED, null, 0, failed));
                return;
            }
        }
        steps.add(new Step(Kind.RUN_ENDED, null, 0, null));
    }

    /** Plans a node that ends well (after retries, if any); returns null. */
    private String node(NodeDef def, boolean topLevel) {
        if (def.isLoop()) {
            loop(def, rnd.nextInt(1, def.maxIterations() + 1), false);
            return null;
        }
        int attempt = 1;
        while (attempt < RunWriter.MAX_ATTEMPTS && rnd.nextInt(1000) < flakiness(def)) {
            String kind = TRANSIENT[rnd.nextInt(TRANSIENT.length)];
            execution(def, attempt, kind.startsWith("gate_") && def.gate() == null ? "crash" : kind);
            steps.add(new Step(Kind.RETRYING, null, attempt + 1, null, def));
            attempt++;
        }
        execution(def, attempt, null);
        return null;
    }

    /** Plans a node that fails and takes the run down with it; returns the run's error kind. */
    private String failForGood(NodeDef def) {
        if (def.isLoop()) {
            loop(def, def.maxIterations(), true);
            return "max_iterations_exceeded";
        }
        if (rnd.nextBoolean()) {
            String kind = def.gate() != null ? "gate_failed" : "blocked";
            execution(def, 1, kind);
            return kind;
        }
        for (int attempt = 1; attempt <= RunWriter.MAX_ATTEMPTS; attempt++) {
            execution(def, attempt, "crash");
            if (attempt < RunWriter.MAX_ATTEMPTS) {
                steps.add(new Step(Kind.RETRYING, null, attempt + 1, null, def));
            }
        }
        return "crash";
    }

    /** A loop: its checking node (the body's last) fails its gate on every iteration but a successful last one. */
    private void loop(NodeDef def, int iterations, boolean exceeds) {
        Exec loop = new Exec(def, 1, 0);
        steps.add(new Step(Kind.STARTED, loop, 0, null));
        List<NodeDef> body = def.body();
        for (int k = 1; k <= iterations; k++) {
            steps.add(new Step(Kind.ITERATION, loop, k, null));
            boolean lastGood = k == iterations && !exceeds;
            for (int b = 0; b < body.size(); b++) {
                NodeDef node = body.get(b);
                if (b == body.size() - 1 && !lastGood && node.gate() != null) {
                    execution(node, 1, "gate_failed");
                } else {
                    node(node, false);
                }
            }
        }
        steps.add(new Step(exceeds ? Kind.FAILED : Kind.COMPLETED, loop, 0,
                exceeds ? "max_iterations_exceeded" : null));
    }

    /** One execution of a simple node: start, its output, its gate, its end. */
    private void execution(NodeDef def, int attempt, String failKind) {
        Exec exec = new Exec(def, attempt, duration(def));
        timed.add(exec);
        steps.add(new Step(Kind.STARTED, exec, 0, null));
        steps.add(new Step(Kind.OUTPUT, exec, 0, null)); // a placeholder for the output, expanded when written
        boolean gatePasses = def.gate() != null && (failKind == null || !failKind.startsWith("gate_"));
        if (gatePasses) {
            steps.add(new Step(Kind.GATE, exec, 0, null));
        }
        steps.add(new Step(failKind == null ? Kind.COMPLETED : Kind.FAILED, exec, 0, failKind));
    }

    /** Per mille chance that an attempt of the node fails for a passing reason: a few nodes of a pipe are flaky. */
    private int flakiness(NodeDef def) {
        return Math.floorMod((pipe.name() + "/" + def.id()).hashCode(), 4) == 0 ? 120 : 15;
    }

    /** A node's time: typical for the node (by kind), varied by the run and by the execution. */
    private long duration(NodeDef def) {
        int h = Math.floorMod((pipe.name() + "/" + def.id()).hashCode() * 31 + 7, 1000);
        double typical = switch (def.kind()) {
            case "prompt" -> 15_000 + h * 75.0;
            case "command" -> 3_000 + h * 117.0;
            default -> 500 + h * 19.5;
        };
        double ms = typical * runSpeed * (0.8 + rnd.nextDouble() * 0.45);
        if (def == slowNode) {
            ms *= 2 + rnd.nextDouble() * 2;
        }
        return Math.max(1, Math.round(ms));
    }

    /** Spreads the output budget over the executions, more to bash and command nodes than to prompts. */
    private void spreadOutputs(int budget) {
        if (timed.isEmpty() || budget == 0) {
            return;
        }
        double[] weights = new double[timed.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (timed.get(i).def.kind().equals("prompt") ? 1 : 3) * (0.2 + rnd.nextDouble());
            total += weights[i];
        }
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            timed.get(i).outputs = (int) (budget * weights[i] / total);
            given += timed.get(i).outputs;
        }
        for (int i = 0; given < budget; i = (i + 1) % weights.length, given++) {
            timed.get(i).outputs++;
        }
    }

    // ---- writing ----

    @Override
    public String currentNodeId() {
        Exec top = open.peek();
        return top == null ? pipe.nodes().getFirst().id() : top.def.id();
    }

    @Override
    public void step(int remaining) throws IOException {
        Step step = steps.get(next);
        Exec exec = step.exec();
        switch (step.kind()) {
            case RUN_STARTED -> at(clockMs).runStarted();
            case STARTED -> {
                clockMs += rnd.nextInt(2, 60);
                exec.startMs = clockMs;
                open.push(exec);
                nodesRun++;
                at(clockMs).renderStarted(exec.def, exec.attempt);
            }
            case OUTPUT -> {
                if (exec.written == exec.outputs) {
                    next++; // no (more) output: on to what follows it
                    step(remaining);
                    return;
                }
                exec.written++;
                at(exec.startMs + exec.durationMs * exec.written / (exec.outputs + 2)).renderOutput(exec.def);
                return; // stays on this step until the execution's output is written
            }
            case GATE -> at(exec.startMs + exec.durationMs * (exec.outputs + 1) / (exec.outputs + 2))
                    .renderGatePassed(exec.def);
            case ITERATION -> at(clockMs + rnd.nextInt(5, 30)).renderIteration(exec.def, step.number());
            case COMPLETED, FAILED -> {
                open.pop();
                long end = exec.def.isLoop() ? clockMs + rnd.nextInt(10, 100) : exec.startMs + exec.durationMs;
                RunWriter w = at(end);
                if (step.kind() == Kind.COMPLETED) {
                    w.renderCompleted(exec.def, exec.startMs);
                } else {
                    w.renderFailed(exec.def, exec.startMs, step.failKind());
                }
            }
            case RETRYING -> {
                at(clockMs + rnd.nextInt(1, 50)).renderRetrying(step.retried(), step.number());
                clockMs += 250L << (step.number() - 1);
            }
            case RUN_ENDED -> at(clockMs + rnd.nextInt(1, 200)).renderRunEnd(step.failKind(), nodesRun);
        }
        next++;
        if (next == steps.size() && remaining > 1) {
            throw new IllegalStateException("the plan ended with " + (remaining - 1) + " events of the budget left");
        }
    }

    private RunWriter at(long ms) {
        clockMs = ms;
        writer.clock(ms);
        return writer;
    }
}

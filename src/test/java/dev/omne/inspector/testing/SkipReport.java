package dev.omne.inspector.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, at the end of a test run, every test that did not run here and why (a disabled test, or an assumption
 * that failed, such as "needs strace"): a skip is never silent. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkipReport implements TestExecutionListener {
    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            skipped.add(name(test) + ": " + reason);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("[SKIPPED] " + skipped.size() + " test(s) did not run here:\n");
        for (String line : skipped) {
            b.append("[SKIPPED]   ").append(line).append('\n');
        }
        System.out.print(b);
        System.out.flush();
    }

    private static String name(TestIdentifier test) {
        String id = test.getUniqueId();
        int cls = id.indexOf("[class:");
        String owner = cls < 0 ? "" : id.substring(cls + 7, id.indexOf(']', cls)) + " ";
        return owner + test.getDisplayName();
    }
}

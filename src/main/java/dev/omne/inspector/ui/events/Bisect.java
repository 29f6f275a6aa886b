package dev.omne.inspector.ui.events;

import java.util.function.IntPredicate;

/** Binary search over positions {@code [0, size)} that a condition splits in two: a line number, a row. */
final class Bisect {
    private Bisect() {
    }

    /** The first position at which {@code before} is false, given that it is true for every one in front. */
    static int firstNot(int size, IntPredicate before) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before.test(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

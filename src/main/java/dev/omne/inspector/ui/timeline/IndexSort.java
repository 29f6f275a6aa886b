package dev.omne.inspector.ui.timeline;

/** Sorting of index arrays by a key column, stably and without boxing (bars and instants are many). */
final class IndexSort {
    private IndexSort() {
    }

    /** Sorts {@code idx[from, to)} by {@code key[idx]}, stably; already sorted ranges (the usual case) cost one pass. */
    static void sortRangeBy(int[] idx, int from, int to, long[] key) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = key[idx[i - 1]] <= key[idx[i]];
        }
        if (!sorted) {
            mergeSort(idx, new int[to - from], from, to, key);
        }
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] key) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && key[a[j]] > key[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        int i = from;
        int j = mid;
        int k = 0;
        while (i < mid && j < to) {
            tmp[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, 0, a, from, k);
    }

    /**
     * The running maximum of the ends of {@code bars[from, to)} (sorted by start) into {@code reach[from, to)}: the
     * first bar that can reach a time is found by binary search on it. A bar with no end reaches everything.
     */
    static void reach(int[] bars, int from, int to, long[] end, long[] reach) {
        long r = Long.MIN_VALUE;
        for (int j = from; j < to; j++) {
            long e = end[bars == null ? j : bars[j]];
            r = Math.max(r, e == dev.omne.inspector.core.event.Timestamps.NONE ? Long.MAX_VALUE : e);
            reach[j] = r;
        }
    }

    /** The first position in {@code [from, to)} of an ascending column whose value is at least {@code t}. */
    static int firstReaching(long[] reach, int from, int to, long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reach[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package dev.omne.inspector.ui;

import javafx.collections.ObservableListBase;

/**
 * The rows the event table holds: rows {@code [base, base + size)} of a run, as keys like {@link RowList}'s
 * (a cell reads its row with {@link RowList#row(Long)}).
 *
 * <p>Why a window: JavaFX's VirtualFlow, even with a fixed cell size, re-sums a per-row size cache on every
 * layout and scroll, which costs time in proportion to how far down the list the view is. Near the end of a
 * million rows that is hundreds of milliseconds a frame. Kept at a few ten thousand rows, the table stays
 * smooth; the view moves the window as the user scrolls and shows a scroll bar for the whole run beside it.
 */
final class RowWindow extends ObservableListBase<Long> {
    private static int windows;

    private final long id;
    private final int base;
    private int size;

    RowWindow(int base, int size) {
        this.id = ++windows;
        this.base = base;
        this.size = size;
    }

    int base() {
        return base;
    }

    /** One past the last row of the run in the window. */
    int end() {
        return base + size;
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return (id << 32) | (base + index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        if (o instanceof Long key && key >>> 32 == id) {
            int index = RowList.row(key) - base;
            return index >= 0 && index < size ? index : -1;
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The window now ends at run row {@code newEnd} (rows were appended to the run). */
    void growTo(int newEnd) {
        int newSize = newEnd - base;
        if (newSize <= size) {
            return;
        }
        int from = size;
        size = newSize;
        beginChange();
        nextAdd(from, newSize);
        endChange();
    }
}

package dev.omne.inspector.ui.events;

import javafx.collections.ObservableListBase;

/**
 * Table items without a million objects: item {@code i} stands for number {@code base + i} (a table position of
 * the run), made on demand as a key that also carries which list it belongs to. Cells read everything else
 * through the ViewModel. Growing the list fires one "added" change.
 *
 * <p>Two uses: the ViewModel's list of all positions (base 0), and the window of a few thousand of them the
 * table holds. Why a window: JavaFX's VirtualFlow, even with a fixed cell size, re-sums a per-row size cache on
 * every layout and scroll, at a cost in proportion to how far down the list the view is; near the end of a
 * million rows that is hundreds of milliseconds a frame. The view moves the window as the user scrolls and
 * shows a scroll bar for the whole run beside it.
 *
 * <p>Why keys and not plain numbers: two runs both have a row 7, and a cell asked to show row 7 of the next
 * run would take it for the item it already shows and skip updating. Keys of different lists differ.
 */
public final class RowList extends ObservableListBase<Long> {
    private static long lists;

    private final long id;
    private final int base;
    private int size;

    /** Positions {@code [0, size)}. */
    RowList(int size) {
        this(0, size);
    }

    /** Positions {@code [base, base + size)}. */
    RowList(int base, int size) {
        this.id = ++lists;
        this.base = base;
        this.size = size;
    }

    /** The position an item stands for. */
    public static int row(Long item) {
        return (int) (item & 0xFFFF_FFFFL);
    }

    int base() {
        return base;
    }

    /** One past the last position in the list. */
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
            int index = row(key) - base;
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

    /** The list now ends at position {@code newEnd} (rows were appended, or more matched the filter). */
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

package dev.omne.inspector.ui;

import javafx.collections.ObservableListBase;

/**
 * The event table's items without a million objects: item {@code i} stands for row {@code i} of the run's
 * index snapshot, made on demand as a key that also carries which list it belongs to. Cells read everything
 * else from the snapshot through the ViewModel. Growing the list fires one "added" change.
 *
 * <p>Why keys and not plain row numbers: two runs both have a row 7, and a cell asked to show row 7 of the
 * next run would take it for the item it already shows and skip updating. Keys of different lists differ.
 */
final class RowList extends ObservableListBase<Long> {
    private static int lists;

    private final int id;
    private int size;

    RowList(int size) {
        this.id = ++lists;
        this.size = size;
    }

    /** The row an item stands for. */
    static int row(Long item) {
        return (int) (item & 0xFFFF_FFFFL);
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return ((long) id << 32) | index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        if (o instanceof Long key && (int) (key >>> 32) == id) {
            int row = row(key);
            return row < size ? row : -1;
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

    /** Rows {@code [size, newSize)} were appended. */
    void grow(int newSize) {
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

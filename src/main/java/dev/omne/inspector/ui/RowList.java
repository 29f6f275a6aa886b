package dev.omne.inspector.ui;

import javafx.collections.ObservableListBase;

import java.util.AbstractList;

/**
 * The event table's items without a million objects: item {@code i} is row {@code i} of the run's index
 * snapshot. Growing it fires one "added" change; the table's cells read everything else from the snapshot.
 */
final class RowList extends ObservableListBase<Integer> {
    private int size;

    RowList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i && i >= 0 && i < size ? i : -1;
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

    /** The rows {@code [from, to)} as a list, without copying (for change events). */
    static java.util.List<Integer> range(int from, int to) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return from + index;
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }
}

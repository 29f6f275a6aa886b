package dev.omne.inspector.core.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Gives each distinct string (event type, node id) a small int, so the index stores ints, not strings. */
final class Interner {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] values = new String[8];
    private int count;

    int intern(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count] = value;
        ids.put(value, count);
        return count++;
    }

    int find(String value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    String get(int id) {
        return values[id];
    }

    int size() {
        return count;
    }

    /** A copy of the values, safe to hand to readers on other threads. */
    String[] snapshot() {
        return Arrays.copyOf(values, count);
    }
}

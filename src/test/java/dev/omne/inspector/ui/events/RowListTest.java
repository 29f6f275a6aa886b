package dev.omne.inspector.ui.events;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowListTest {
    @Test
    void itemsStandForRunRowsFromTheBase() {
        RowList window = new RowList(40_000, 100);
        assertEquals(100, window.size());
        assertEquals(40_100, window.end());
        assertEquals(40_000, RowList.row(window.get(0)));
        assertEquals(40_099, RowList.row(window.get(99)));
        assertEquals(7, window.indexOf(window.get(7)));
        assertTrue(window.contains(window.get(99)));
    }

    @Test
    void keysOfOtherWindowsOrListsAreNotItsOwn() {
        RowList a = new RowList(0, 10);
        RowList b = new RowList(0, 10);
        assertNotEquals(a.get(3), b.get(3), "the same row of another window is another item");
        assertEquals(-1, a.indexOf(b.get(3)));
        assertFalse(a.contains(new RowList(10).get(3)));
    }

    @Test
    void growingFiresOneAddedChange() {
        RowList window = new RowList(5, 10);
        List<String> changes = new ArrayList<>();
        window.addListener((ListChangeListener<Long>) c -> {
            while (c.next()) {
                changes.add(c.wasAdded() + " " + c.getFrom() + ".." + c.getTo());
            }
        });
        window.growTo(25);
        window.growTo(20);
        assertEquals(List.of("true 10..20"), changes);
        assertEquals(20, window.size());
    }
}

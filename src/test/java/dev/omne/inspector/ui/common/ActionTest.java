package dev.omne.inspector.ui.common;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of actions: one action per key combination, and tooltips that write the keys as the platform does. */
class ActionTest {
    @Test
    void noTwoActionsShareAKeyCombination() {
        Map<KeyCombination, Action> seen = new HashMap<>();
        for (Action action : Action.values()) {
            if (action.keys() != null) {
                assertNull(seen.put(action.keys(), action), action + " has the keys of " + seen.get(action.keys()));
            }
        }
    }

    @Test
    void hintsNameTheKeysInThePlatformsWords() {
        for (Action action : Action.values()) {
            if (action.keys() == null) {
                assertEquals("Do it", action.hint("Do it"), action.name());
            } else {
                assertEquals("Do it (" + action.keys().getDisplayText() + ")", action.hint("Do it"), action.name());
                assertTrue(!action.keyText().isBlank(), action.name());
            }
        }
        // The shortcut key is Ctrl here and Command on macOS: the table says "Shortcut", never one of them.
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        assertEquals(mac ? "⌘T" : "Ctrl+T", Action.RELATIVE_TIME.keyText());
        assertEquals("Shift+F8", Action.PREVIOUS_MALFORMED.keyText());
    }
}

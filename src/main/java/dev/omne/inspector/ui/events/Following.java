package dev.omne.inspector.ui.events;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Following the end of a growing run: the table stays at the end as rows arrive, until the user moves away; the
 * rows that arrive meanwhile are counted instead, so that the rows in view never move under the user.
 */
final class Following {
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseenRows");

    ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    boolean isOn() {
        return on.get();
    }

    /** Rows that arrived while following was paused. */
    ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Follows from now on (or not), with nothing unseen. */
    void start(boolean follow) {
        on.set(follow);
        unseen.set(0);
    }

    void pause() {
        on.set(false);
    }

    /**
     * Rows arrived, {@code appended} of them appended to the log since the run was read (the others were loaded
     * or found by the filter, and are no news): true when the view should go to the end, else the appended ones
     * count as unseen.
     */
    boolean arrived(int appended) {
        if (on.get()) {
            return true;
        }
        unseen.set(unseen.get() + appended);
        return false;
    }

    /** The user saw the table down to the row {@code below} rows above its end: only those below can be unseen. */
    void seenDownTo(int below) {
        if (unseen.get() > below) {
            unseen.set(Math.max(0, below));
        }
    }

    /** The rows shown were replaced: none of them is news. */
    void allSeen() {
        unseen.set(0);
    }
}

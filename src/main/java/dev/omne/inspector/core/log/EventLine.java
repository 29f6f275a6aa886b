package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Event;

/** An event together with where it stands in its file. */
public record EventLine(long line, long offset, Event event) {
}

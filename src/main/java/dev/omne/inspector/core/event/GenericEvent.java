package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Any event whose type this code has no record for: still an event, shown with all its fields. */
public record GenericEvent(ObjectNode json) implements Event {
}

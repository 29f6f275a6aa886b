package dev.omne.inspector.core.volume;

/** A run id that is not one plain folder name; refused before any file is touched. */
public final class InvalidRunIdException extends IllegalArgumentException {
    public InvalidRunIdException(String message) {
        super(message);
    }
}

package dev.omne.inspector.core.filter;

/** A filter expression that cannot be understood; the message says which part and why. */
public final class FilterSyntaxException extends IllegalArgumentException {
    public FilterSyntaxException(String message) {
        super(message);
    }
}

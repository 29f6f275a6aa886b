package dev.omne.inspector.ui.common;

/** Where copied text goes: the system clipboard in the window, a field in tests. */
@FunctionalInterface
public interface TextClipboard {
    void putText(String text);
}

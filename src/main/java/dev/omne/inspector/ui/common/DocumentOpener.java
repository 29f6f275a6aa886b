package dev.omne.inspector.ui.common;

import java.net.URI;

/** Shows a file or folder in the desktop's usual application: HostServices in the window, a list in tests. */
@FunctionalInterface
public interface DocumentOpener {
    void open(URI uri) throws Exception;
}

package dev.omne.inspector.tail;

/** Receives batches from a {@link VolumeWatcher}: on its watcher thread, never concurrently, in order. */
@FunctionalInterface
public interface VolumeListener {
    void onUpdate(VolumeUpdate update);
}

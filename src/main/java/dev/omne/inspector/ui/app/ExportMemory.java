package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.export.ExportFormat;
import dev.omne.inspector.ui.export.ExportDialogViewModel;

import java.nio.file.Path;

/** The last export's folder and format, kept in the settings so the next export (also after a restart) starts there. */
final class ExportMemory implements ExportDialogViewModel.Memory {
    private final AppSettings settings;

    ExportMemory(AppSettings settings) {
        this.settings = settings;
    }

    @Override
    public Path lastFolder() {
        return settings.exportFolder().isEmpty() ? null : Path.of(settings.exportFolder());
    }

    @Override
    public ExportFormat lastFormat() {
        try {
            return settings.exportFormat().isEmpty() ? null : ExportFormat.parse(settings.exportFormat());
        } catch (IllegalArgumentException e) {
            // A format of another version: the default.
            return null;
        }
    }

    @Override
    public void remember(Path folder, ExportFormat format) {
        settings.setLastExport(folder.toString(), format.id());
    }
}

package dev.omne.inspector.ui.open;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A quick place of the Open Folder dialog: the home folder or a folder opened lately ({@code where}: its folder). */
public record Place(String name, String where, Path path, boolean home) {
    /** Home, then the folders opened lately, most recent first (a text that is no path is left out). */
    static List<Place> of(Path home, List<String> recent) {
        List<Place> places = new ArrayList<>();
        places.add(new Place("Home", home.toString(), home, true));
        for (String folder : recent) {
            Path path = PathText.resolve(folder, home, home);
            if (path != null) {
                Path parent = path.getParent();
                places.add(new Place(PathText.name(path), parent == null ? "" : PathText.shortened(parent, home),
                        path, false));
            }
        }
        return places;
    }
}

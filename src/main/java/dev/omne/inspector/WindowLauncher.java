package dev.omne.inspector;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starts the window with JavaFX loaded as modules, as the installers' runtime has it: JavaFX supports only that,
 * and on a class path it says so at every start ("Unsupported JavaFX configuration"). When JavaFX is not in the
 * boot layer already (a {@code --module-path} start), its jars (beside the app's jar in {@code lib/}, or on the
 * class path) become a module layer of their own, and the app's classes are loaded again by a loader whose parent
 * is that layer, so that they see those modules and never the class path's copies.
 */
final class WindowLauncher {
    private static final String APP = "dev.omne.inspector.ui.app.InspectorApp";
    private static final String FX_ROOT = "javafx.controls";

    private static ClassLoader windowLoader;

    private WindowLauncher() {
    }

    /** Opens the window with {@code args}, JavaFX as modules. */
    static void launch(String[] args) throws Exception {
        ClassLoader loader = windowLoader();
        Thread.currentThread().setContextClassLoader(loader);
        Class.forName(APP, true, loader).getMethod("launchWindow", String[].class).invoke(null, (Object) args);
    }

    /**
     * The loader of the window's classes: the system loader when JavaFX is in the boot layer (a {@code --module-path}
     * start, the installers' runtime), else one over the app's jars whose parent is a layer of JavaFX's modules.
     */
    static synchronized ClassLoader windowLoader() throws IOException {
        if (windowLoader != null) {
            return windowLoader;
        }
        windowLoader = ClassLoader.getSystemClassLoader();
        if (ModuleLayer.boot().findModule(FX_ROOT).isPresent()) {
            return windowLoader;
        }
        List<Path> classPath = classPath();
        // The platform's jars are modules; the jars without a platform are empty stubs that only lead to them.
        List<Path> fx = classPath.stream().filter(WindowLauncher::isJavaFx).filter(WindowLauncher::isModule).toList();
        if (fx.isEmpty()) {
            // Nothing to make modules of (an unusual layout): start as the class path has it.
            return windowLoader;
        }
        Configuration config = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(fx.toArray(Path[]::new)), ModuleFinder.of(), Set.of(FX_ROOT));
        // The platform loader as parent: the layer must not find JavaFX's classes on the class path instead.
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(config,
                List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader());
        // JavaFX loads its native libraries: it may, as a launch with --enable-native-access=javafx.graphics allows.
        controller.layer().modules().forEach(controller::enableNativeAccess);
        ClassLoader fxLoader = controller.layer().findLoader("javafx.graphics");
        List<URL> app = new ArrayList<>();
        for (Path entry : classPath) {
            if (!isJavaFx(entry)) {
                app.add(entry.toUri().toURL());
            }
        }
        windowLoader = new URLClassLoader("omne-window", app.toArray(URL[]::new), fxLoader);
        return windowLoader;
    }

    private static boolean isModule(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().anyMatch(m -> !m.descriptor().isAutomatic());
    }

    private static boolean isJavaFx(Path jar) {
        String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
        return name.startsWith("javafx-") && name.endsWith(".jar");
    }

    /**
     * The app's class path: {@code java.class.path}, and for {@code java -jar} the jars its manifest names, which
     * are the jars in {@code lib/} beside it.
     */
    private static List<Path> classPath() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        if (entries.size() == 1 && entries.getFirst().toString().endsWith(".jar")) {
            Path lib = entries.getFirst().resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
                }
            }
        }
        return entries;
    }
}

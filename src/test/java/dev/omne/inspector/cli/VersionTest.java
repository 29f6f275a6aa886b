package dev.omne.inspector.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest {
    @Test
    void theVersionIsPomXmlsOwn() throws Exception {
        // The project's <version>: the first one in pom.xml that is not inside <parent> or a dependency.
        Matcher m = Pattern.compile("<artifactId>omne-inspector</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of(System.getProperty("basedir", "."), "pom.xml")));
        assertTrue(m.find(), "pom.xml names its version");
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exit(), version.err());
        assertEquals("omne-inspector " + m.group(1) + "\n", version.out());
    }
}

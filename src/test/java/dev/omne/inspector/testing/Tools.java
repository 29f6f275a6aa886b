package dev.omne.inspector.testing;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Whether the system tools a test runs beside it (flock(1), python3, mkfifo, strace...) are here: for assumptions. */
public final class Tools {
    private Tools() {
    }

    public static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** True if the command runs and exits 0 within a few seconds. */
    public static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

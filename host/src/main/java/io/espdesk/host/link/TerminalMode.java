package io.espdesk.host.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal behind this process's standard input, in character mode while {@code stdio:} is linked: each key
 * goes out as it is typed and the terminal no longer echoes it (the board echoes, as serial consoles expect; a local
 * echo too showed every line twice). Ctrl-C still stops espdesk. Done with {@code stty} on the inherited input, so
 * nothing happens when the input is a pipe or a file; the settings are put back when the link ends or the JVM exits.
 */
final class TerminalMode {
    private TerminalMode() {
    }

    /** Switches to character mode; returns what puts the terminal back, or null when the input is no terminal. */
    static Runnable characterMode() {
        String saved = stty("-g");
        if (saved == null || stty("-icanon", "-echo", "min", "1") == null) {
            return null;
        }
        Thread atExit = new Thread(() -> stty(saved), "espdesk-terminal-restore");
        Runtime.getRuntime().addShutdownHook(atExit);
        return () -> {
            stty(saved);
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException exiting) {
                // the hook is running (or has): it restores too, which is harmless
            }
        };
    }

    /** Runs stty on the inherited standard input; its output, or null when it failed (not a terminal). */
    private static String stty(String... args) {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no stty here: leave the terminal as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

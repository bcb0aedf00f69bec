package io.espdesk.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a long {@code espdesk sim}: a real JVM running the command line (from this module's folder, its sim command
 * found on the test class path), stopped with a real SIGINT.
 */
class SimInterruptTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCEndsTheLastLineSaysWhatWasSimulatedAndExits130() throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.espdesk.host.cli.EspdeskCli",
                "sim", "../../lua-scripts/two-esp8266", "--for", "365d")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long end = System.currentTimeMillis() + 60_000;
            while (Files.size(out) < 200_000 && p.isAlive() && System.currentTimeMillis() < end) {
                Thread.sleep(20); // well into the run: stdout is being written in blocks
            }
            assertTrue(p.isAlive(), "a simulated year ended too soon: " + Files.readString(err));
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue());
        String printed = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertTrue(printed.endsWith("\n"), "the last line is whole: ..." + printed.substring(Math.max(0, printed.length() - 80)));
        List<String> lines = printed.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("[server] ") || last.startsWith("[client] "), last);
        String summary = Files.readString(err);
        assertTrue(summary.matches("interrupted: simulated \\d+\\.\\d (s|h) in \\d+\\.\\d\\d s \\(\\d+x\\)\n"), summary);
    }
}

package io.espdesk.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.TestBundles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code espdesk host} as a real process: what it says, and in which order. */
class HostCommandTest {
    @TempDir
    Path home;

    @Test
    void readyComesAfterThePluginsOfTheBundlesFolderHaveStarted() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("conf"));
        TestBundles.scheme("slow.starter", "1.0.0", "slowtcp").header("Test-Start-Delay", "800").writeTo(bundles, "slow.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Despdesk.home=" + home, "-cp", System.getProperty("java.class.path"),
                "io.espdesk.host.cli.EspdeskCli", "host").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(l);
                if (l.startsWith("espdesk host ready")) {
                    break;
                }
            }
            p.destroy(); // SIGTERM: the host stops its plugins and links
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("plugin started: slow.starter 1.0.0 (schemes: slowtcp)", lines.get(0));
        assertTrue(lines.get(1).matches("espdesk host ready in \\d+ ms: 1 of 1 plugin\\(s\\) started from " + bundles
                + ", 0 link\\(s\\); Ctrl-C stops"), lines.get(1));
    }
}

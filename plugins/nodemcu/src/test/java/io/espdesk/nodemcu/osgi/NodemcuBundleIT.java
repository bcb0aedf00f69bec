package io.espdesk.nodemcu.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.felix.PluginHost;
import io.espdesk.host.link.SchemeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built nodemcu bundle, dropped into a real bundles folder of a real embedded Felix, resolves and starts. */
class NodemcuBundleIT {
    @TempDir
    Path bundles;

    @Test
    void theBuiltBundleStartsInTheHost() throws Exception {
        Path jar = Path.of(System.getProperty("bundle.jar"));
        assertTrue(Files.exists(jar), "the bundle was built: " + jar);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (PluginHost host = new PluginHost(bundles, 40, lines::add, new SchemeRegistry(), false)) {
            host.start();
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            long end = System.currentTimeMillis() + 10_000;
            while (lines.stream().noneMatch(l -> l.startsWith("plugin ")) && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertEquals(List.of("plugin started: io.espdesk.nodemcu 0.1.0 (schemes: none)"), lines);
        }
    }
}

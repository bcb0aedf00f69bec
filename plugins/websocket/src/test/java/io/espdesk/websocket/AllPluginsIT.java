package io.espdesk.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.host.felix.PluginHost;
import io.espdesk.host.link.SchemeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All the built plugins in one bundles folder at start, several times over. Starting them concurrently once made
 * Felix refuse one of them ("Unable to acquire global lock for resolve") about one start in four.
 */
class AllPluginsIT {
    @TempDir
    Path tmp;

    @Test
    void everyBuiltPluginStartsEveryTime() throws Exception {
        List<Path> jars = List.of(Path.of(System.getProperty("bundle.jar")), Path.of("../tcp/target/espdesk-tcp-0.1.0.jar"),
                Path.of("../nodemcu/target/espdesk-nodemcu-0.1.0.jar"));
        for (int round = 0; round < 8; round++) {
            Path dir = Files.createDirectories(tmp.resolve("round" + round));
            for (Path j : jars) {
                Files.copy(j, dir.resolve(j.getFileName()));
            }
            List<String> lines = new CopyOnWriteArrayList<>();
            try (PluginHost host = new PluginHost(dir, 40, lines::add, new SchemeRegistry(), false)) {
                host.start();
                host.awaitIdle(20_000);
                assertEquals(List.of("plugin started: io.espdesk.nodemcu 0.1.0 (schemes: board)",
                        "plugin started: io.espdesk.tcp 0.1.0 (schemes: tcp, tcp-listen)",
                        "plugin started: io.espdesk.websocket 0.1.0 (schemes: ws, ws-listen)"), lines.stream().sorted().toList(), "round " + round);
            }
        }
    }
}

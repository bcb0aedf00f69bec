package io.espdesk.sim.osgi;

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
        SchemeRegistry registry = new SchemeRegistry();
        java.io.PipedInputStream screen = new java.io.PipedInputStream(1 << 16);
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        registry.add(new io.espdesk.host.link.StdioProvider(new java.io.PipedInputStream(typing), new java.io.PipedOutputStream(screen)), "host");
        try (PluginHost host = new PluginHost(bundles, 40, lines::add, registry, false)) {
            host.start();
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            long end = System.currentTimeMillis() + 10_000;
            while (lines.stream().noneMatch(l -> l.startsWith("plugin ")) && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertEquals(List.of("plugin started: io.espdesk.nodemcu 0.1.0 (schemes: board)"), lines);

            // inside Felix, a simulated board's UART joined to a terminal: its boot output shows, typing reaches uart.on
            Path echo = Files.createDirectories(bundles.resolveSibling("desk").resolve("echo"));
            Files.writeString(echo.resolve("init.lua"), "print('ready')\nuart.on('data', 0, function(d) uart.write(0, d:upper()) end, 0)");
            io.espdesk.host.link.Link link = new io.espdesk.host.link.Link(new io.espdesk.host.conf.LinkSpec("b",
                    io.espdesk.api.ChannelAddress.parse("board://echo/uart0?sim=" + echo.getParent()), io.espdesk.api.ChannelAddress.parse("stdio:")),
                    registry, lines::add, java.util.Set.of());
            link.start();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().endsWith("ready\r\n> ")) { // the firmware's line end, then its prompt
                seen.append((char) screen.read());
            }
            typing.write("hi".getBytes());
            typing.flush();
            assertEquals("HI", new String(screen.readNBytes(2)));
            link.stop();
        }
    }
}

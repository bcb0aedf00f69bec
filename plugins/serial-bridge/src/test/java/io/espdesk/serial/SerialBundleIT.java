package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.felix.PluginHost;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.host.link.StdioProvider;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built serial bundle in a real Felix (jSerialComm's native library loads from inside it) relays a pseudo-terminal. */
class SerialBundleIT {
    @TempDir
    Path bundles;

    @Test
    void theBundleOpensAPseudoTerminalAndRelaysIt() throws Exception {
        Path jar = Path.of(System.getProperty("bundle.jar"));
        List<String> lines = new CopyOnWriteArrayList<>();
        SchemeRegistry registry = new SchemeRegistry();
        PipedInputStream screen = new PipedInputStream(1 << 16);
        PipedOutputStream typing = new PipedOutputStream();
        registry.add(new StdioProvider(new PipedInputStream(typing), new PipedOutputStream(screen)), "host");
        try (Pty pty = Pty.open(); PluginHost host = new PluginHost(bundles, 40, lines::add, registry, false)) {
            host.start();
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            Link link = new Link(new LinkSpec("s", ChannelAddress.parse("serial:" + pty.path), ChannelAddress.parse("stdio:")),
                    registry, lines::add, Set.of());
            link.start();
            assertTrue(link.awaitUp(10, TimeUnit.SECONDS), lines.toString());
            long end = System.currentTimeMillis() + 5_000;
            while (lines.stream().noneMatch(l -> l.endsWith("opened " + pty.path)) && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            pty.write("from the board\n".getBytes());
            assertEquals("from the board\n", new String(screen.readNBytes(15)));
            typing.write("to the board\n".getBytes());
            typing.flush();
            assertEquals("to the board\n", new String(pty.read(13)));
            assertTrue(lines.contains("plugin started: io.espdesk.serial 0.1.0 (schemes: serial)"), lines.toString());
            link.stop();
        }
    }
}

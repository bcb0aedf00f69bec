package io.espdesk.tcp;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built tcp bundle, hot-added to and removed from a real Felix while a link waits on and then uses its scheme. */
class TcpBundleIT {
    @TempDir
    Path bundles;

    @Test
    void hotAddBringsTheLinkUpAndRemovalClosesIt() throws Exception {
        Path jar = Path.of(System.getProperty("bundle.jar"));
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> linkLines = new CopyOnWriteArrayList<>();
        SchemeRegistry registry = new SchemeRegistry();
        PipedInputStream screen = new PipedInputStream(1 << 16);
        registry.add(new StdioProvider(new PipedInputStream(new PipedOutputStream()), new PipedOutputStream(screen)), "host");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (PluginHost host = new PluginHost(bundles, 40, lines::add, registry, false)) {
            host.start();
            Link link = new Link(new LinkSpec("l", ChannelAddress.parse("tcp-listen://127.0.0.1:" + port), ChannelAddress.parse("stdio:")),
                    registry, linkLines::add, Set.of());
            link.start();
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            assertTrue(link.awaitUp(10, TimeUnit.SECONDS), lines + " " + linkLines);
            assertEquals("plugin started: io.espdesk.tcp 0.1.0 (schemes: tcp, tcp-listen)", lines.get(0));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("through the plugin\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("through the plugin\n", new String(screen.readNBytes(19), StandardCharsets.US_ASCII));
                Files.delete(bundles.resolve(jar.getFileName()));
                s.setSoTimeout(10_000);
                assertEquals(-1, s.getInputStream().read(), "removing the plugin closed its clients");
            }
            long end = System.currentTimeMillis() + 10_000;
            while (link.state() != Link.State.WAITING && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertEquals(Link.State.WAITING, link.state(), linkLines.toString());
            assertTrue(lines.contains("plugin stopped: io.espdesk.tcp 0.1.0"), lines.toString());
            link.stop();
        }
    }
}

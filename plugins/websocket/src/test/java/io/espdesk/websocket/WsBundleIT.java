package io.espdesk.websocket;

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
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ws:// link waits for its scheme; copying the built websocket bundle in brings it up, removing it closes it. */
class WsBundleIT {
    @TempDir
    Path bundles;

    @Test
    void hotAddBringsTheWsLinkUpAndRemovalClosesIt() throws Exception {
        Path jar = Path.of(System.getProperty("bundle.jar"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WsClientTest.OtherServer server = new WsClientTest.OtherServer(port);
        server.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        SchemeRegistry registry = new SchemeRegistry();
        PipedOutputStream typing = new PipedOutputStream();
        registry.add(new StdioProvider(new PipedInputStream(typing), new PipedOutputStream(new PipedInputStream())), "host");
        try (PluginHost host = new PluginHost(bundles, 40, lines::add, registry, false)) {
            host.start();
            Link link = new Link(new LinkSpec("ws", ChannelAddress.parse("ws://127.0.0.1:" + port + "/?frame=line&subprotocol=arduino"), ChannelAddress.parse("stdio:")),
                    registry, lines::add, Set.of());
            link.start();
            Thread.sleep(200);
            assertEquals(Link.State.WAITING, link.state());
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            assertTrue(link.awaitUp(10, TimeUnit.SECONDS), lines.toString());
            assertTrue(lines.contains("plugin started: io.espdesk.websocket 0.1.0 (schemes: ws, ws-listen)"), lines.toString());
            typing.write("hello over the plugin\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertEquals("hello over the plugin", server.got.poll(10, TimeUnit.SECONDS), lines.toString());
            assertEquals(1, server.getConnections().size());
            Files.delete(bundles.resolve(jar.getFileName()));
            long end = System.currentTimeMillis() + 10_000;
            while (!server.getConnections().isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertTrue(server.getConnections().isEmpty(), "removing the plugin closed the connection");
            while (!lines.contains("plugin stopped: io.espdesk.websocket 0.1.0") && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertTrue(lines.contains("plugin stopped: io.espdesk.websocket 0.1.0"), lines.toString());
            link.stop();
        } finally {
            server.stop(1000);
        }
    }
}

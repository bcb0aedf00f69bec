package io.espdesk.websocket;

import io.espdesk.channelkit.Recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ws:// against a server from a second WebSocket library (Java-WebSocket), which goes away and comes back. */
class WsClientTest {
    private final WsProvider provider = new WsProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    /** An echo server of another library that also records what it got and which subprotocol was asked for. */
    static final class OtherServer extends WebSocketServer {
        final BlockingQueue<String> got = new LinkedBlockingQueue<>();
        volatile String protocol;

        OtherServer(int port) {
            // it speaks the "arduino" subprotocol, as the Arduino WebSockets server does
            super(new InetSocketAddress("127.0.0.1", port), java.util.List.of(new org.java_websocket.drafts.Draft_6455(
                    java.util.List.of(), java.util.List.of(new org.java_websocket.protocols.Protocol("arduino")))));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            protocol = handshake.getFieldValue("Sec-WebSocket-Protocol");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            got.add(message);
            conn.send("echo:" + message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void talksToAnotherLibrarysServerAndReconnectsWhenItReturns() throws Exception {
        int port = freePort();
        OtherServer server = new OtherServer(port);
        server.start();
        Thread.sleep(200);
        Recorder r = new Recorder();
        WsClientChannel c = (WsClientChannel) provider.open(ChannelAddress.parse("ws://127.0.0.1:" + port + "/?frame=line&subprotocol=arduino&reconnect=200ms"));
        c.start(r);
        r.awaitStatus("connected", 5_000);
        assertEquals("arduino", server.protocol);
        byte[] line = "odd 1\n".getBytes(StandardCharsets.UTF_8);
        c.write(line, 0, line.length);
        assertEquals("odd 1", server.got.poll(5, TimeUnit.SECONDS), "one message per line, without its newline");
        r.awaitBytes(11, 5_000);
        assertEquals("echo:odd 1\n", new String(r.bytes(), StandardCharsets.UTF_8), "messages become lines");

        server.stop(1000);
        r.awaitStatus("connection lost; reconnecting in 200 ms", 5_000);
        r.awaitStatus("cannot connect (Connection refused); reconnecting in 200 ms", 5_000);
        OtherServer again = new OtherServer(port);
        again.start();
        long end = System.currentTimeMillis() + 10_000;
        while (r.status.stream().filter("connected"::equals).count() < 2 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(r.status.stream().filter("connected"::equals).count() >= 2, r.status.toString());
        byte[] line2 = "odd 3\n".getBytes(StandardCharsets.UTF_8);
        c.write(line2, 0, line2.length);
        assertEquals("odd 3", again.got.poll(5, TimeUnit.SECONDS));
        c.close();
        again.stop(1000);
    }
}

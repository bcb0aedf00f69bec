package io.espdesk.websocket;

import io.espdesk.channelkit.Recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ws-listen:// against independent clients: the JDK's WebSocket, and raw bytes exactly as the Arduino library sends them. */
class WsServerTest {
    private final WsProvider provider = new WsProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    private WsListenChannel listen(String path, Recorder r) throws IOException {
        WsListenChannel c = (WsListenChannel) provider.open(ChannelAddress.parse("ws-listen://127.0.0.1:0" + path));
        c.start(r);
        return c;
    }

    private static void awaitClients(WsListenChannel c, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (c.clientCount() != n && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertEquals(n, c.clientCount());
    }

    /** Collects the messages the JDK client receives (it may hand one message over in several parts). */
    static final class JdkListener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Test
    void whatIsWrittenBeforeTheFirstClientIsKeptForIt() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = listen("/?frame=line", r);
        byte[] early = "2\n4\n".getBytes(StandardCharsets.UTF_8); // a peer that started sending before anyone listened
        c.write(early, 0, early.length);
        JdkListener l = new JdkListener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + c.port() + "/"), l).get(5, TimeUnit.SECONDS);
        assertEquals("2", l.messages.poll(5, TimeUnit.SECONDS));
        assertEquals("4", l.messages.poll(5, TimeUnit.SECONDS));
        byte[] next = "6\n".getBytes(StandardCharsets.UTF_8);
        c.write(next, 0, next.length);
        assertEquals("6", l.messages.poll(5, TimeUnit.SECONDS));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        c.close();
    }

    @Test
    void theJdkWebSocketClientTalksToOurServer() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = listen("/chat", r);
        JdkListener l = new JdkListener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + c.port() + "/chat"), l).get(5, TimeUnit.SECONDS);
        awaitClients(c, 1);
        ws.sendText("odd 1", true).get(5, TimeUnit.SECONDS);
        r.awaitBytes(5, 5_000);
        assertEquals("odd 1", new String(r.bytes(), StandardCharsets.UTF_8));
        byte[] hello = "even 2".getBytes(StandardCharsets.UTF_8);
        c.write(hello, 0, hello.length);
        assertEquals("even 2", l.messages.poll(5, TimeUnit.SECONDS));
        // a 40 KiB write becomes three messages of at most 15 KiB (the raw test below checks they are single frames)
        byte[] big = "x".repeat(40 * 1024).getBytes(StandardCharsets.UTF_8);
        c.write(big, 0, big.length);
        int total = 0;
        for (int i = 0; i < 3; i++) {
            String m = l.messages.poll(5, TimeUnit.SECONDS);
            assertTrue(m.length() <= 15 * 1024, "at most 15 KiB: " + m.length());
            total += m.length();
        }
        assertEquals(40 * 1024, total);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        c.close();
    }

    @Test
    void rawBytesExactlyAsTheArduinoLibrarySendsThem() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = listen("/", r);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), c.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String key = Base64.getEncoder().encodeToString("espdesk-arduino!".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + c.port() + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Protocol: arduino\r\n"
                    + "Origin: file://\r\nUser-Agent: arduino-WebSocket-Client\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.toLowerCase().contains("sec-websocket-protocol: arduino\r\n"), head);
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            assertTrue(head.contains("sec-websocket-accept: " + accept + "\r\n") || head.contains("Sec-WebSocket-Accept: " + accept + "\r\n"), head);
            awaitClients(c, 1);

            // a text frame with mask bit set and a zero mask key, as the library sends
            out.write(frame(0x1, "1".getBytes(StandardCharsets.US_ASCII)));
            // a 15 KiB frame (16-bit length), the largest the library sends
            byte[] big = new byte[15 * 1024];
            java.util.Arrays.fill(big, (byte) 'a');
            out.write(frame(0x1, big));
            r.awaitBytes(1 + big.length, 5_000);
            assertEquals(1 + big.length, r.bytes().length);

            // a ping is answered at once with a pong carrying the same payload
            out.write(frame(0x9, "hb".getBytes(StandardCharsets.US_ASCII)));
            int[] pong = readFrame(in);
            assertEquals(0x8A, pong[0]);
            assertEquals(2, pong[1]);

            // 20 KiB from the link reach the board as two whole, unmasked text frames, each at most 15 KiB
            byte[] twenty = new byte[20 * 1024];
            java.util.Arrays.fill(twenty, (byte) 'z');
            c.write(twenty, 0, twenty.length);
            int[] f1 = readFrame(in);
            int[] f2 = readFrame(in);
            assertEquals(List.of(0x81, 15 * 1024), List.of(f1[0], f1[1]));
            assertEquals(List.of(0x81, 5 * 1024), List.of(f2[0], f2[1]));
        }
        c.close();
    }

    /** A client frame: FIN, opcode, mask bit with a zero key (so the payload goes as it is). */
    static byte[] frame(int opcode, byte[] payload) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(0x80 | opcode);
        if (payload.length < 126) {
            b.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            b.write(0x80 | 126);
            b.write(payload.length >> 8);
            b.write(payload.length & 255);
        } else {
            b.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                b.write((int) ((long) payload.length >> (8 * i)) & 255);
            }
        }
        b.write(0);
        b.write(0);
        b.write(0);
        b.write(0);
        b.write(payload, 0, payload.length);
        return b.toByteArray();
    }

    /** Reads one server frame; returns {first byte, payload length} and checks the server did not mask it. */
    static int[] readFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        assertEquals(0, b1 & 0x80, "server frames are not masked");
        int len = b1 & 0x7F;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            long l = 0;
            for (int i = 0; i < 8; i++) {
                l = (l << 8) | in.read();
            }
            len = (int) l;
        }
        in.readNBytes(len);
        return new int[] {b0, len};
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Test
    void aClientThatDoesNotSpeakWebSocketGets400AndALine() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = listen("/", r);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), c.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = readHead(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 400 Bad Request"), head);
        }
        assertTrue(r.awaitStatus("rejected a non-WebSocket client 127.0.0.1:", 5_000).endsWith(": GET / without 'Upgrade: websocket'"));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), c.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write("\u0001\u0002 hello there\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
        }
        assertEquals(0, c.clientCount());
        c.close();
    }

    @Test
    void anOversizedMessageClosesWith1009AndALine() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = (WsListenChannel) provider.open(ChannelAddress.parse("ws-listen://127.0.0.1:0/?maxframe=1000"));
        c.start(r);
        JdkListener l = new JdkListener();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + c.port() + "/"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        ws.sendText("y".repeat(5000), true);
        assertEquals(1009, closed.get(5, TimeUnit.SECONDS));
        assertTrue(r.awaitStatus("closed 127.0.0.1:", 5_000).endsWith(": a message larger than 1000 bytes (maxframe=1000), close code 1009"));
        c.close();
    }

    @Test
    void aClientThatNeverReadsIsDroppedAndTheOthersGetEverything() throws Exception {
        Recorder r = new Recorder();
        WsListenChannel c = (WsListenChannel) provider.open(ChannelAddress.parse("ws-listen://127.0.0.1:0/?queue=65536&stall=300&type=binary"));
        c.start(r);
        JdkListener reader = new JdkListener();
        CompletableFuture<Long> got = new CompletableFuture<>();
        long[] count = {0};
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + c.port() + "/"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                count[0] += data.remaining();
                if (count[0] >= 4L << 20) {
                    got.complete(count[0]);
                }
                w.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        try (Socket sleeper = new Socket(InetAddress.getLoopbackAddress(), c.port())) {
            sleeper.setReceiveBufferSize(4096);
            sleeper.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            awaitClients(c, 2);
            byte[] chunk = new byte[8 * 1024];
            for (int sent = 0; sent < 4 << 20; sent += chunk.length) {
                c.write(chunk, 0, chunk.length);
            }
            assertEquals(4L << 20, got.get(20, TimeUnit.SECONDS));
            assertTrue(r.awaitStatus("dropped client 127.0.0.1:", 5_000).contains("it read nothing for 300 ms"));
            awaitClients(c, 1);
        }
        c.close();
    }
}

package io.espdesk.tcp;

import io.espdesk.channelkit.Recorder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** tcp-listen:// with real sockets on loopback: many clients, broadcast, limits, slow and half-closed clients. */
class TcpListenChannelTest {
    private final TcpProvider provider = new TcpProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    private TcpListenChannel listen(String options, Recorder r) throws IOException {
        TcpListenChannel c = (TcpListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0" + options));
        c.start(r);
        return c;
    }

    private static Socket connect(TcpListenChannel c) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), c.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static void awaitClients(TcpListenChannel c, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (c.clientCount() != n && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertEquals(n, c.clientCount());
    }

    @Test
    void bindsLoopbackWhenNoAddressIsGiven() throws Exception {
        TcpListenChannel c = (TcpListenChannel) provider.open(ChannelAddress.parse("tcp-listen://:0"));
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
        }
        Socket s = new Socket("127.0.0.1", c.port());
        s.close();
        c.close();
    }

    @Test
    void aClientsConnectAndDisconnectAreEachOneLine() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("", r);
        Socket s = connect(c);
        String peer = "127.0.0.1:" + s.getLocalPort();
        awaitClients(c, 1);
        s.close();
        awaitClients(c, 0);
        long end = System.currentTimeMillis() + 5_000;
        while (r.status.size() < 2 && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertEquals(List.of("client " + peer + " connected (1 now)", "client " + peer + " disconnected (0 left)"), r.status);
        c.close();
    }

    @Test
    void aThousandClientsEachReceiveTheBroadcastAndAllInputIsMerged() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("", r);
        List<SocketChannel> socks = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                socks.add(SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), c.port())));
            }
            awaitClients(c, 1000);
            byte[] msg = "broadcast 42\n".getBytes(StandardCharsets.US_ASCII);
            c.write(msg, 0, msg.length);
            for (SocketChannel s : socks) {
                ByteBuffer b = ByteBuffer.allocate(msg.length);
                while (b.hasRemaining()) {
                    if (s.read(b) < 0) {
                        throw new AssertionError("closed early");
                    }
                }
                assertArrayEquals(msg, b.array());
            }
            for (int i = 0; i < 1000; i++) {
                socks.get(i).write(ByteBuffer.wrap(new byte[] {(byte) 'x'}));
            }
            r.awaitBytes(1000, 10_000);
        } finally {
            for (SocketChannel s : socks) {
                s.close();
            }
            c.close();
        }
    }

    @Test
    void maxRefusesClientsPastTheLimitWithALine() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("?max=2", r);
        try (Socket a = connect(c); Socket b = connect(c)) {
            awaitClients(c, 2);
            try (Socket third = connect(c)) {
                assertEquals(-1, third.getInputStream().read(), "the third client is closed at once");
            }
            assertTrue(r.awaitStatus("refused client 127.0.0.1:", 5_000).endsWith(": already 2 clients (max=2)"));
            assertEquals(2, c.clientCount());
        }
        c.close();
    }

    @Test
    void linesModeDeliversWholeLinesAndClosesAClientWhoseLineIsTooLong() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("?lines=1&maxline=16", r);
        try (Socket a = connect(c); Socket b = connect(c); Socket bad = connect(c)) {
            awaitClients(c, 3);
            a.getOutputStream().write("hel".getBytes(StandardCharsets.US_ASCII));
            a.getOutputStream().flush();
            Thread.sleep(50);
            b.getOutputStream().write("other\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(50);
            a.getOutputStream().write("lo\n".getBytes(StandardCharsets.US_ASCII));
            r.awaitBytes(12, 5_000);
            assertEquals("other\nhello\n", new String(r.bytes(), StandardCharsets.US_ASCII),
                    "whole lines, never half a line of one client with another's in between");
            bad.getOutputStream().write("this line is far too long for maxline\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, bad.getInputStream().read());
            assertTrue(r.awaitStatus("closed client", 5_000).endsWith(": a line longer than 16 bytes (maxline=16)"));
            awaitClients(c, 2);
        }
        c.close();
    }

    @Test
    void aClientThatNeverReadsIsDroppedAndDoesNotStallTheOthers() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("?queue=65536&stall=500", r);
        try (Socket reader = connect(c); Socket sleeper = connect(c)) {
            sleeper.setReceiveBufferSize(4096);
            awaitClients(c, 2);
            int total = 8 << 20;
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.getInputStream().readNBytes(total);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] chunk = new byte[32 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) i;
            }
            long t0 = System.nanoTime();
            for (int sent = 0; sent < total; sent += chunk.length) {
                c.write(chunk, 0, chunk.length);
            }
            byte[] all = got.get(20, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(total, all.length);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != (byte) (i % chunk.length)) {
                    throw new AssertionError("byte " + i + " differs");
                }
            }
            assertTrue(r.awaitStatus("dropped client 127.0.0.1:", 5_000).contains(": it read nothing for 500 ms"));
            awaitClients(c, 1);
            assertTrue(ms < 10_000, "the good reader was held up for " + ms + " ms");
        }
        c.close();
    }

    @Test
    void aHalfClosedClientIsLetGoAndTheOthersCarryOn() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("", r);
        try (Socket stays = connect(c); Socket leaves = connect(c)) {
            awaitClients(c, 2);
            leaves.getOutputStream().write("bye\n".getBytes(StandardCharsets.US_ASCII));
            leaves.shutdownOutput();
            r.awaitBytes(4, 5_000);
            long end = System.currentTimeMillis() + 5_000;
            while (c.clientCount() != 1 && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            assertEquals(1, c.clientCount());
            c.write("still here\n".getBytes(StandardCharsets.US_ASCII), 0, 11);
            InputStream in = stays.getInputStream();
            assertEquals("still here\n", new String(in.readNBytes(11), StandardCharsets.US_ASCII));
        }
        c.close();
    }

    @Test
    void badOptionsAreOneClearLine() {
        assertEquals("address 'tcp-listen://127.0.0.1:0?maxx=1': unknown option 'maxx' (known: buffer, lines, max, maxline, queue, resume, stall)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp-listen://127.0.0.1:0?maxx=1"))).getMessage());
        assertEquals("address 'tcp-listen://127.0.0.1:0?max=0': option max must be a whole number of at least 1 (found '0')",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp-listen://127.0.0.1:0?max=0"))).getMessage());
        assertEquals("address 'tcp://:80' has no host (expected tcp://HOST:PORT)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp://:80"))).getMessage());
        assertEquals("address 'tcp://127.0.0.1:99999' has a bad port '99999' (expected 0-65535)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp://127.0.0.1:99999"))).getMessage());
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class,
                    () -> provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:" + taken.getLocalPort())));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
        }
    }

    @Test
    void whatArrivesBeforeAnyClientGoesToTheFirstOne() throws Exception {
        Recorder r = new Recorder();
        TcpListenChannel c = listen("", r);
        byte[] early = "said before anyone listened\n".getBytes(StandardCharsets.US_ASCII);
        c.write(early, 0, early.length);
        r.awaitStatus("no client connected: keeping what arrives (up to 1048576 bytes) for the next one", 5_000);
        try (Socket s = connect(c)) {
            assertEquals("said before anyone listened\n", new String(s.getInputStream().readNBytes(early.length), StandardCharsets.US_ASCII));
        }
        c.close();
    }
}

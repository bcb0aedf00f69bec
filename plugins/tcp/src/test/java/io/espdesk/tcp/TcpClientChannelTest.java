package io.espdesk.tcp;

import io.espdesk.channelkit.Recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** tcp:// with a real server on loopback that goes away and comes back. */
class TcpClientChannelTest {
    private final TcpProvider provider = new TcpProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void reconnectsAfterTheServerRestartsWithNoDuplicateOrCorruptedByte() throws Exception {
        int port;
        List<String> received = new ArrayList<>();
        ServerSocket first = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        port = first.getLocalPort();
        Recorder r = new Recorder();
        TcpClientChannel c = (TcpClientChannel) provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + port));
        c.start(r);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 1; !stop.get(); i++) {
                    byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                    c.write(line, 0, line.length);
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        first.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
        try (Socket s = first.accept()) {
            readLines(s, received, 200);
        }
        first.close(); // the server goes away: the client hears it, then is refused while it is down
        r.awaitStatus("connection lost; reconnecting in 100 ms", 5_000);
        Thread.sleep(800);
        r.awaitStatus("cannot connect (Connection refused); reconnecting in", 5_000);
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            again.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
            try (Socket s = again.accept()) {
                readLines(s, received, 200);
            }
        }
        stop.set(true);
        writer.get();
        assertTrue(r.status.stream().filter("connected"::equals).count() >= 2, r.status.toString());
        int last = 0;
        for (String l : received) {
            assertTrue(l.matches("line \\d+"), "corrupted: '" + l + "'");
            int n = Integer.parseInt(l.substring(5));
            assertTrue(n > last, "duplicate or out of order: " + n + " after " + last);
            last = n;
        }
        assertEquals(400, received.size());
        c.close();
    }

    private static void readLines(Socket s, List<String> into, int n) throws Exception {
        s.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        for (int i = 0; i < n; i++) {
            String l = in.readLine();
            if (l == null) {
                throw new AssertionError("connection ended after " + i + " lines");
            }
            into.add(l);
        }
    }

    @Test
    void bytesFromTheServerReachTheListener() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Recorder r = new Recorder();
            TcpClientChannel c = (TcpClientChannel) provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + server.getLocalPort()));
            c.start(r);
            try (Socket s = server.accept()) {
                s.getOutputStream().write("hello client".getBytes(StandardCharsets.US_ASCII));
                r.awaitBytes(12, 5_000);
                assertEquals("hello client", new String(r.bytes(), StandardCharsets.US_ASCII));
            }
            c.close();
            assertEquals("closed", waitClosed(r));
        }
    }

    private static String waitClosed(Recorder r) throws InterruptedException {
        for (int i = 0; i < 500 && r.closed == null; i++) {
            Thread.sleep(10);
        }
        return r.closed;
    }

    @Test
    void keepsWhatArrivesWhileThePeerIsAwayAndDeliversItFirstInOrder() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Recorder r = new Recorder();
        TcpClientChannel c = (TcpClientChannel) provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + port));
        c.start(r);
        StringBuilder sent = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            byte[] line = ("kept " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            c.write(line, 0, line.length); // returns at once: nobody listens yet
            sent.append("kept ").append(i).append('\n');
        }
        r.awaitStatus("peer away: keeping what arrives (up to 1048576 bytes) until it is back", 5_000);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server.setSoTimeout(10_000);
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                byte[] got = s.getInputStream().readNBytes(sent.length());
                assertEquals(sent.toString(), new String(got, StandardCharsets.US_ASCII));
                byte[] after = "after\n".getBytes(StandardCharsets.US_ASCII);
                c.write(after, 0, after.length);
                assertEquals("after\n", new String(s.getInputStream().readNBytes(6), StandardCharsets.US_ASCII));
            }
        }
        assertEquals("delivered " + sent.length() + " bytes kept while the peer was away", r.awaitStatus("delivered ", 5_000));
        c.close();
    }

    @Test
    void pastTheBoundTheOldestBytesGoAndTheLineSaysHowMany() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Recorder r = new Recorder();
        TcpClientChannel c = (TcpClientChannel) provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + port + "?buffer=20"));
        c.start(r);
        for (int i = 0; i < 5; i++) {
            byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
            c.write(ten, 0, ten.length);
        }
        r.awaitStatus("buffer full: dropping the oldest bytes (buffer=20)", 5_000);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server.setSoTimeout(10_000);
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                assertEquals("01234567890123456789", new String(s.getInputStream().readNBytes(20), StandardCharsets.US_ASCII));
            }
        }
        assertEquals("delivered 20 bytes kept while the peer was away; 30 older bytes were dropped", r.awaitStatus("delivered ", 5_000));
        c.close();
    }

    @Test
    void aWriteHeldUpByASlowPeerIsKeptWhenThePeerVanishes() throws Exception {
        Recorder r = new Recorder();
        TcpClientChannel c;
        CompletableFuture<Void> writer;
        byte[] chunk = new byte[64 * 1024];
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            c = (TcpClientChannel) provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + server.getLocalPort() + "?queue=65536"));
            c.start(r);
            Socket peer = server.accept(); // connected, but it never reads
            peer.setReceiveBufferSize(4096);
            r.awaitStatus("connected", 5_000);
            writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 200; i++) { // 12.5 MiB: far more than the socket buffers hold
                        c.write(chunk, 0, chunk.length);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(500); // the writer is now waiting on back-pressure
            peer.close(); // and the peer vanishes for good (its listening socket closes too)
        }
        writer.get(20, java.util.concurrent.TimeUnit.SECONDS); // the waiting write is kept, not stuck
        r.awaitStatus("peer away: keeping what arrives", 5_000);
        c.close();
    }
}

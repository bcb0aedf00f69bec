package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.channelkit.CuttingProxy;
import io.espdesk.channelkit.Recorder;
import io.espdesk.channelkit.TestBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ?resume=on} between two real channels on loopback, through a real proxy that cuts the connection. */
class ResumeTest {
    private final TcpProvider provider = new TcpProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    private ResumeListenChannel listen(String options) throws IOException {
        return (ResumeListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0?resume=on" + options));
    }

    private Channel client(int port, String options) throws IOException {
        return provider.open(ChannelAddress.parse("tcp://127.0.0.1:" + port + "?resume=on" + options));
    }

    /**
     * Takes deliveries at about 1 MiB/s, as a slow serial port does, so that when a connection comes back there are
     * bytes received but not yet taken (nor acknowledged): the case where sending again could duplicate.
     */
    private static ChannelListener slow(Recorder r) {
        return new ChannelListener() {
            @Override
            public boolean onData(byte[] data, int offset, int length) {
                try {
                    Thread.sleep(1 + length / 1024);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return r.onData(data, offset, length);
            }

            @Override
            public void onClosed(String reason) {
                r.onClosed(reason);
            }

            @Override
            public void onStatus(String message) {
                r.onStatus(message);
            }
        };
    }

    /** Writes in uneven pieces at about {@code bytesPerMs}, so that bytes keep coming while the proxy is cut. */
    private static CompletableFuture<Void> pour(Channel c, byte[] data, int bytesPerMs) {
        return CompletableFuture.runAsync(() -> {
            Random rnd = new Random(data.length);
            try {
                for (int off = 0; off < data.length; ) {
                    int n = Math.min(data.length - off, 1 + rnd.nextInt(2 * bytesPerMs));
                    c.write(data, off, n);
                    off += n;
                    Thread.sleep(1);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void everyByteArrivesOnceAndInOrderAcrossRepeatedCuts() throws Exception {
        ResumeListenChannel a = listen("&buffer=16M");
        Recorder ra = new Recorder();
        a.start(slow(ra));
        try (CuttingProxy proxy = new CuttingProxy(a.port())) {
            Channel b = client(proxy.port(), "&buffer=16M");
            Recorder rb = new Recorder();
            b.start(slow(rb));
            ra.awaitStatus("connected to", 5_000);
            byte[] toA = TestBytes.everyValue(4 << 20, 1);
            byte[] toB = TestBytes.everyValue(4 << 20, 2);
            CompletableFuture<Void> wb = pour(b, toA, 2_000);
            CompletableFuture<Void> wa = pour(a, toB, 2_000);
            for (int cut = 0; cut < 5; cut++) {
                long before = proxy.forwarded();
                while (proxy.forwarded() < before + (256 << 10)) {
                    Thread.sleep(5); // mid-stream
                }
                proxy.cut(300 + 300L * cut);
            }
            wa.get(60, TimeUnit.SECONDS);
            wb.get(60, TimeUnit.SECONDS);
            ra.awaitBytes(toA.length, 60_000);
            rb.awaitBytes(toB.length, 60_000);
            Thread.sleep(200); // anything sent twice would arrive now
            assertArrayEquals(toA, ra.bytes(), "every byte once, in order, towards the listener");
            assertArrayEquals(toB, rb.bytes(), "every byte once, in order, towards the client");
            assertTrue(rb.status.stream().filter(s -> s.contains("reconnecting in")).count() >= 5, rb.status.toString());
            assertTrue(ra.status.stream().anyMatch(s -> s.contains("resending")) || rb.status.stream().anyMatch(s -> s.contains("resending")),
                    "a cut mid-stream leaves bytes to resend: " + ra.status + rb.status);
            assertFalse(ra.status.stream().anyMatch(s -> s.startsWith("lost")) || rb.status.stream().anyMatch(s -> s.startsWith("lost")));
            b.close();
        }
        a.close();
    }

    @Test
    void aPeerThatRestartsGetsWhatItsPredecessorDidNotAcknowledgeAndSendsNothingTwice() throws Exception {
        ResumeListenChannel a = listen("&buffer=16M"); // holds all that is written while the far end restarts
        Recorder ra = new Recorder();
        a.start(ra);
        Channel b1 = client(a.port(), "");
        Recorder rb1 = new Recorder();
        b1.start(slow(rb1));
        ra.awaitStatus("connected to", 5_000);
        byte[] toB = TestBytes.everyValue(3 << 20, 3);
        CompletableFuture<Void> wa = pour(a, toB, 3_000);
        byte[] fromB1 = TestBytes.everyValue(200_000, 4);
        b1.write(fromB1, 0, fromB1.length);
        rb1.awaitBytes(1 << 20, 30_000);
        b1.quiesce(); // what the link does when it stops (SIGTERM): the delivery in hand finishes, the rest is left unacknowledged
        b1.close();
        Channel b2 = client(a.port(), ""); // the restarted far end: a new stream, knowing nothing
        Recorder rb2 = new Recorder();
        b2.start(rb2);
        wa.get(60, TimeUnit.SECONDS);
        int got1 = rb1.bytes().length;
        try {
            rb2.awaitBytes(toB.length - got1, 30_000);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; listener: " + ra.status + "; first client: " + rb1.status, e);
        }
        Thread.sleep(200);
        byte[] joined = new byte[got1 + rb2.bytes().length];
        System.arraycopy(rb1.bytes(), 0, joined, 0, got1);
        System.arraycopy(rb2.bytes(), 0, joined, got1, rb2.bytes().length);
        assertArrayEquals(toB, joined, "what the first took and what the second got are the whole stream, once");
        ra.awaitBytes(fromB1.length, 5_000);
        assertArrayEquals(fromB1, ra.bytes(), "what the stopped end had sent was acknowledged before it went");
        assertTrue(ra.status.contains("the peer started afresh: taking its new stream"), ra.status.toString());
        b2.close();
        a.close();
    }

    @Test
    void bytesDroppedByAFullBufferWhileApartAreReportedExactly() throws Exception {
        ResumeListenChannel a = listen("&buffer=64K");
        Recorder ra = new Recorder();
        a.start(ra);
        try (CuttingProxy proxy = new CuttingProxy(a.port())) {
            Channel b = client(proxy.port(), "");
            Recorder rb = new Recorder();
            b.start(rb);
            ra.awaitStatus("connected to", 5_000);
            a.write("first".getBytes(), 0, 5);
            rb.awaitBytes(5, 5_000);
            Thread.sleep(100); // acknowledged
            CompletableFuture<Void> cut = CompletableFuture.runAsync(() -> {
                try {
                    proxy.cut(1_000);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ra.awaitStatus("connection to", 5_000);
            byte[] away = TestBytes.everyValue(100_000, 5);
            a.write(away, 0, away.length); // the peer is away: kept, but only the newest 64 KiB
            cut.get(10, TimeUnit.SECONDS);
            rb.awaitBytes(5 + 65_536, 10_000);
            assertEquals("lost " + (100_000 - 65_536) + " bytes: the peer's buffer overflowed while we were apart",
                    rb.awaitStatus("lost", 1_000));
            assertArrayEquals(Arrays.copyOfRange(away, 100_000 - 65_536, 100_000), Arrays.copyOfRange(rb.bytes(), 5, 5 + 65_536));
            assertTrue(ra.status.contains("buffer full: dropping the oldest unacknowledged bytes (buffer=65536)"), ra.status.toString());
            b.close();
        }
        a.close();
    }

    @Test
    void aPeerThatDoesNotSpeakResumeGetsOneClearLine() throws Exception {
        ResumeListenChannel a = listen("");
        Recorder ra = new Recorder();
        a.start(ra);
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), a.port())) {
            OutputStream out = raw.getOutputStream();
            out.write("hello\r\n".getBytes());
            out.flush();
            String line = ra.awaitStatus("127.0.0.1:", 5_000);
            assertEquals("127.0.0.1:" + raw.getLocalPort()
                    + ": the peer does not speak espdesk resume (is ?resume=on set on both ends?); closing the connection", line);
            raw.setSoTimeout(5_000);
            byte[] hello = raw.getInputStream().readNBytes(5 + ResumeFrames.HELLO_BODY);
            assertEquals('H', hello[0], "the raw peer saw our hello, then the connection closed");
            assertEquals(-1, raw.getInputStream().read());
        }
        assertEquals(0, ra.bytes().length);
        a.close();
    }

    @Test
    void resumeOptionsAreChecked() {
        assertEquals("address 'tcp://127.0.0.1:7000?resume=yes': option resume must be on or off (found 'yes')",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp://127.0.0.1:7000?resume=yes")))
                        .getMessage());
        assertEquals("address 'tcp-listen://:7000?resume=on&lines=1': resume=on relays one peer's bytes exactly; option lines does not apply to it",
                assertThrows(IllegalArgumentException.class,
                        () -> provider.validate(ChannelAddress.parse("tcp-listen://:7000?resume=on&lines=1"))).getMessage());
        assertEquals("address 'tcp://h:1?resume=on&buffer=0': resume=on keeps what the peer has not acknowledged in the buffer;"
                        + " buffer=0 leaves no room for it",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("tcp://h:1?resume=on&buffer=0")))
                        .getMessage());
    }
}

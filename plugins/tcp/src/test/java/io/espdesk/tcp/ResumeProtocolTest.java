package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.Recorder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resume protocol frame by frame: a test peer on a real loopback socket speaks {@link ResumeFrames} by hand, so
 * each rule (skip what arrives twice, resend from what the peer took, report a gap) is checked on its own.
 */
class ResumeProtocolTest {
    private final TcpProvider provider = new TcpProvider();

    @AfterEach
    void close() {
        provider.close();
    }

    /** A hand-written peer. */
    private static final class Peer implements AutoCloseable {
        final Socket s;
        final DataInputStream in;
        final DataOutputStream out;
        long theirStream;
        long theyKnow;
        long theyTook;

        Peer(int port) throws IOException {
            s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(5_000);
            in = new DataInputStream(s.getInputStream());
            out = new DataOutputStream(s.getOutputStream());
            assertEquals(ResumeFrames.HELLO, in.readByte());
            assertEquals(ResumeFrames.HELLO_BODY, in.readInt());
            assertEquals(ResumeFrames.MAGIC, in.readLong());
            theirStream = in.readLong();
            theyKnow = in.readLong();
            theyTook = in.readLong();
        }

        void hello(long myStream, long known, long took) throws IOException {
            out.writeByte(ResumeFrames.HELLO);
            out.writeInt(ResumeFrames.HELLO_BODY);
            out.writeLong(ResumeFrames.MAGIC);
            out.writeLong(myStream);
            out.writeLong(known);
            out.writeLong(took);
            out.flush();
        }

        void data(long position, String text) throws IOException {
            out.writeByte(ResumeFrames.DATA);
            out.writeInt(8 + text.length());
            out.writeLong(position);
            out.writeBytes(text);
            out.flush();
        }

        /** Reads frames until a data frame; returns "position:text". */
        String nextData() throws IOException {
            while (true) {
                byte type = in.readByte();
                int len = in.readInt();
                if (type == ResumeFrames.DATA) {
                    long pos = in.readLong();
                    return pos + ":" + new String(in.readNBytes(len - 8));
                }
                in.readNBytes(len);
            }
        }

        /** Reads frames until an acknowledgement of at least {@code position}. */
        long ackOf(long position) throws IOException {
            while (true) {
                byte type = in.readByte();
                int len = in.readInt();
                if (type == ResumeFrames.ACK) {
                    long a = in.readLong();
                    if (a >= position) {
                        return a;
                    }
                } else {
                    in.readNBytes(len);
                }
            }
        }

        /** Reads (and drops) what comes until the other side closes; true if it did within the read timeout. */
        boolean closedByOtherSide() throws IOException {
            try {
                while (in.read() >= 0) {
                    // acknowledgements and the like before the close
                }
                return true;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    @Test
    void whatArrivesTwiceIsDeliveredOnceAndTakenBytesAreAcknowledged() throws Exception {
        ResumeListenChannel a = (ResumeListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0?resume=on"));
        Recorder r = new Recorder();
        a.start(r);
        try (Peer p = new Peer(a.port())) {
            assertEquals(0, p.theyKnow, "a fresh channel knows no stream of ours");
            p.hello(42, p.theirStream, 0);
            p.data(0, "abcdef");
            p.data(3, "defghi"); // overlaps: "def" again
            p.data(2, "cd"); // wholly old
            p.data(9, "j");
            r.awaitBytes(10, 5_000);
            assertEquals(10, p.ackOf(10));
            Thread.sleep(100);
            assertEquals("abcdefghij", new String(r.bytes()));
        }
        // the same peer stream comes back on a new connection: the hello says what was taken, and old bytes stay skipped
        try (Peer p = new Peer(a.port())) {
            assertEquals(42, p.theyKnow);
            assertEquals(10, p.theyTook);
            p.hello(42, p.theirStream, 0);
            p.data(8, "ijk");
            r.awaitBytes(11, 5_000);
            Thread.sleep(100);
            assertEquals("abcdefghijk", new String(r.bytes()));
        }
        a.close();
    }

    @Test
    void resendsFromWhereThePeerSaysItStoppedAndAllToAPeerThatKnowsNothing() throws Exception {
        ResumeListenChannel a = (ResumeListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0?resume=on"));
        Recorder r = new Recorder();
        a.start(r);
        a.write("0123456789".getBytes(), 0, 10); // no peer yet: kept
        try (Peer p = new Peer(a.port())) {
            p.hello(7, 0, 0);
            assertEquals("0:0123456789", p.nextData(), "a peer that knows nothing of the stream gets all that is unacknowledged");
        }
        try (Peer p = new Peer(a.port())) {
            p.hello(7, p.theirStream, 4);
            assertEquals("4:456789", p.nextData(), "a peer that took 4 bytes gets the rest");
            a.write("ab".getBytes(), 0, 2);
            assertEquals("10:ab", p.nextData());
        }
        try (Peer p = new Peer(a.port())) {
            p.hello(7, p.theirStream, 0); // claims less than it acknowledged before: what it acknowledged is gone
            assertEquals("4:456789", p.nextData());
        }
        a.close();
    }

    @Test
    void aSecondEspdeskTakesOverOnceAndTheFirstIsNotLetBackWhileItIsConnected() throws Exception {
        ResumeListenChannel a = (ResumeListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0?resume=on"));
        Recorder r = new Recorder();
        a.start(r);
        try (Peer first = new Peer(a.port())) {
            first.hello(1, first.theirStream, 0);
            first.data(0, "from the first ");
            r.awaitBytes(15, 5_000);
            try (Peer second = new Peer(a.port())) { // a half-open old connection looks like this too: it must be able to take over
                second.hello(2, second.theirStream, 0);
                second.data(0, "from the second");
                r.awaitBytes(30, 5_000);
                assertTrue(first.closedByOtherSide(), "the first was closed when the second took over");
                try (Peer again = new Peer(a.port())) { // the first dials again: refused while the second is connected
                    again.hello(1, again.theirStream, 15);
                    assertTrue(again.closedByOtherSide());
                }
                assertTrue(r.status.stream().anyMatch(l -> l.endsWith(": another espdesk is connected here (one peer per resume listener);"
                        + " closing the connection")), r.status.toString());
                second.data(15, "!");
                r.awaitBytes(31, 5_000);
                assertEquals("from the first from the second!", new String(r.bytes()), "the second carries on undisturbed");
            }
        }
        a.close();
    }

    @Test
    void aGapIsReportedWithItsSize() throws Exception {
        ResumeListenChannel a = (ResumeListenChannel) provider.open(ChannelAddress.parse("tcp-listen://127.0.0.1:0?resume=on"));
        Recorder r = new Recorder();
        a.start(r);
        try (Peer p = new Peer(a.port())) {
            p.hello(9, p.theirStream, 0);
            p.data(0, "abc");
            p.data(10, "xyz");
            r.awaitBytes(6, 5_000);
            assertEquals("abcxyz", new String(r.bytes()));
            assertEquals("lost 7 bytes: the peer's buffer overflowed while we were apart", r.awaitStatus("lost", 1_000));
        }
        a.close();
    }
}

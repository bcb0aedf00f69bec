package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sender's window against a plain byte array kept alongside: the same bytes at the same positions, always. */
class SendWindowTest {

    @Test
    void holdsExactlyTheUnacknowledgedBytesThroughRandomAppendsAcksAndResends() {
        Random rnd = new Random(7);
        SendWindow w = new SendWindow(1 << 20);
        Everything all = new Everything();
        long acked = 0;
        for (int step = 0; step < 5_000; step++) {
            if (rnd.nextInt(3) > 0 && w.held() < (1 << 19)) {
                byte[] b = new byte[1 + rnd.nextInt(3_000)];
                rnd.nextBytes(b);
                int off = rnd.nextInt(b.length);
                assertEquals(0, w.append(b, off, b.length - off));
                all.write(b, off, b.length - off);
            } else {
                acked = acked + (long) (rnd.nextDouble() * (w.end() - acked));
                w.ack(acked);
            }
            long from = w.start() + (long) (rnd.nextDouble() * w.held());
            byte[] expected = Arrays.copyOfRange(all.buf(), (int) from, (int) w.end());
            assertArrayEquals(expected, resend(w, from, 1 + rnd.nextInt(5_000)), "step " + step);
        }
    }

    @Test
    void pastItsBoundTheOldestBytesGoAndAreCounted() {
        SendWindow w = new SendWindow(10);
        assertEquals(0, w.append("abcdefgh".getBytes(), 0, 8));
        assertEquals(4, w.append("ijklmn".getBytes(), 0, 6));
        assertEquals(4, w.start());
        assertEquals("efghijklmn", new String(resend(w, 0, 3)));
        assertEquals(14, w.end());
    }

    @Test
    void anAcknowledgementPastWhatWasSentIsRefused() {
        SendWindow w = new SendWindow(10);
        w.append("abc".getBytes(), 0, 3);
        assertThrows(IllegalArgumentException.class, () -> w.ack(4));
    }

    /** Everything ever appended, readable without a copy. */
    private static final class Everything extends ByteArrayOutputStream {
        byte[] buf() {
            return buf;
        }
    }

    private static byte[] resend(SendWindow w, long from, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] next = {Math.max(from, w.start())};
        w.forEachFrom(from, max, (pos, b, off, len) -> {
            assertEquals(next[0], pos, "pieces come in order with their positions");
            assertEquals(true, len <= max);
            out.write(b, off, len);
            next[0] += len;
        });
        return out.toByteArray();
    }
}

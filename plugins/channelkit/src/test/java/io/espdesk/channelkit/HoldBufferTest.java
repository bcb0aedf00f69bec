package io.espdesk.channelkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The store-and-forward buffer keeps the newest bytes within its bound and counts what it dropped. */
class HoldBufferTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keepsEverythingWithinTheBoundInOrder() {
        HoldBuffer h = new HoldBuffer(10);
        h.add(b("abc"), 0, 3);
        h.add(b("defg"), 0, 4);
        assertEquals("abcdefg", new String(h.takeAll(), StandardCharsets.US_ASCII));
        assertTrue(h.isEmpty());
        assertEquals(0, h.takeDropped());
    }

    @Test
    void dropsTheOldestBytesPastTheBoundAndSaysHowMany() {
        HoldBuffer h = new HoldBuffer(10);
        assertEquals(0, h.add(b("0123456"), 0, 7));
        assertEquals(4, h.add(b("789abcd"), 0, 7)); // 14 bytes, bound 10: "0123" go, a chunk cut in two
        assertEquals(18, h.add(b("xxxxxxxxxxABCDEFGHIJ"), 2, 18)); // larger than the bound: the 10 kept and 8 of its own go
        assertEquals("ABCDEFGHIJ", new String(h.takeAll(), StandardCharsets.US_ASCII));
        assertEquals(22, h.takeDropped());
        assertEquals(0, h.takeDropped());
    }

    @Test
    void parsesSizes() {
        io.espdesk.api.ChannelAddress a = io.espdesk.api.ChannelAddress.parse("tcp://h:1?buffer=2M&b=512K&c=7&d=0");
        assertEquals(2L << 20, HoldBuffer.parseSize(a, "buffer", 1));
        assertEquals(512L << 10, HoldBuffer.parseSize(a, "b", 1));
        assertEquals(7, HoldBuffer.parseSize(a, "c", 1));
        assertEquals(0, HoldBuffer.parseSize(a, "d", 1));
        assertEquals(99, HoldBuffer.parseSize(a, "absent", 99));
    }
}

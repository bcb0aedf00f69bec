package io.espdesk.channelkit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * Store-and-forward: what arrives for a side that is away (peer disconnected, device unplugged) is kept here, up to
 * a bound; past it the oldest bytes go, and how many is counted. Handed back whole, in order, when the side returns.
 */
public final class HoldBuffer {
    private final long capacity;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long size;
    private long dropped;

    /** @param capacity bytes to keep at most; 0 keeps nothing (writes wait instead) */
    public HoldBuffer(long capacity) {
        this.capacity = capacity;
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public long capacity() {
        return capacity;
    }

    public synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Keeps a copy of the bytes; returns how many old bytes had to go to stay within the bound. */
    public synchronized long add(byte[] data, int offset, int length) {
        long before = dropped;
        if (length >= capacity) {
            dropped += size + (length - capacity);
            chunks.clear();
            size = 0;
            offset += (int) (length - capacity);
            length = (int) capacity;
        }
        chunks.addLast(java.util.Arrays.copyOfRange(data, offset, offset + length));
        size += length;
        while (size > capacity) {
            byte[] first = chunks.pollFirst();
            long excess = size - capacity;
            if (first.length <= excess) {
                size -= first.length;
                dropped += first.length;
            } else {
                chunks.addFirst(java.util.Arrays.copyOfRange(first, (int) excess, first.length));
                size -= excess;
                dropped += excess;
            }
        }
        return dropped - before;
    }

    /** Everything kept, in order, as one array; the buffer is empty afterwards. */
    public synchronized byte[] takeAll() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        for (byte[] c : chunks) {
            out.write(c, 0, c.length);
        }
        chunks.clear();
        size = 0;
        return out.toByteArray();
    }

    /** Bytes dropped since the last call. */
    public synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }

    /** Parses {@code 1M}, {@code 512K}, {@code 4096} or {@code 0}. */
    public static long parseSize(io.espdesk.api.ChannelAddress a, String name, long fallback) {
        String v = a.option(name, null);
        if (v == null) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([KkMm]?)").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be a size such as 1M, 512K or 4096 (found '"
                    + v + "')");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toUpperCase();
        return unit.equals("M") ? n << 20 : unit.equals("K") ? n << 10 : n;
    }
}

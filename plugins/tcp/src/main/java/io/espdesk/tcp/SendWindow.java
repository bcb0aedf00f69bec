package io.espdesk.tcp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What this end has written towards its peer and the peer has not acknowledged yet, by stream position: kept so that
 * after a broken connection exactly the unacknowledged part can be sent again. Bounded: past {@code capacity} the
 * oldest bytes go (only while the peer is away; a connected writer waits for acknowledgements instead). Not
 * thread-safe: its channel guards it.
 */
final class SendWindow {
    /** Receives the held bytes piece by piece. */
    interface Piece {
        void accept(long position, byte[] bytes, int offset, int length);
    }

    private final long capacity;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long start;
    private long end;
    /** Where {@link #start} lies inside the first chunk. */
    private int firstOffset;

    SendWindow(long capacity) {
        this.capacity = capacity;
    }

    long capacity() {
        return capacity;
    }

    /** The position of the oldest byte held. */
    long start() {
        return start;
    }

    /** The position the next appended byte gets. */
    long end() {
        return end;
    }

    long held() {
        return end - start;
    }

    /** Holds a copy of the bytes at the end; returns how many of the oldest had to go to stay within the bound. */
    long append(byte[] data, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        chunks.addLast(Arrays.copyOfRange(data, offset, offset + length));
        end += length;
        long over = held() - capacity;
        if (over > 0) {
            ack(start + over);
            return over;
        }
        return 0;
    }

    /** Forgets everything before {@code position} (the peer has it); positions past the end are an error. */
    void ack(long position) {
        if (position > end) {
            throw new IllegalArgumentException("acknowledged position " + position + " is past the last byte sent (" + end + ")");
        }
        while (start < position) {
            byte[] first = chunks.peekFirst();
            int left = first.length - firstOffset;
            if (left <= position - start) {
                chunks.pollFirst();
                start += left;
                firstOffset = 0;
            } else {
                firstOffset += (int) (position - start);
                start = position;
            }
        }
    }

    /** Hands over the bytes held from {@code position} on (at least {@link #start}), in pieces of at most {@code max}. */
    void forEachFrom(long position, int max, Piece piece) {
        long at = start;
        boolean first = true;
        for (byte[] c : chunks) {
            int from = first ? firstOffset : 0;
            first = false;
            long chunkEnd = at + (c.length - from);
            if (chunkEnd > position) {
                int skip = (int) Math.max(0, position - at);
                for (int i = from + skip; i < c.length; i += max) {
                    int n = Math.min(max, c.length - i);
                    piece.accept(at + (i - from), c, i, n);
                }
            }
            at = chunkEnd;
        }
    }
}

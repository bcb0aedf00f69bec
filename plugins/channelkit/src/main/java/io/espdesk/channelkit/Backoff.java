package io.espdesk.channelkit;

/**
 * A client's reconnection delay: from {@code min}, doubling up to {@code max}, back to {@code min} after a connection
 * that worked. The tcp clients wait 0.1 s doubling to 5 s; a fixed interval (the WebSocket client's 500 ms, as the
 * Arduino library does) is {@code min == max}.
 */
public final class Backoff {
    public static final long MIN_MS = 100;
    public static final long MAX_MS = 5_000;

    private final long min;
    private final long max;
    private long next;

    /** 0.1 s doubling to 5 s. */
    public Backoff() {
        this(MIN_MS, MAX_MS);
    }

    public Backoff(long min, long max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The delay to wait now; the one after is twice as long, up to the cap. */
    public synchronized long next() {
        long wait = next;
        next = Math.min(next * 2, max);
        return wait;
    }

    public synchronized void reset() {
        next = min;
    }
}

package io.espdesk.tcp;

/** The client channels' reconnection delay: 0.1 s, doubling up to 5 s, back to 0.1 s after a connection that worked. */
final class Backoff {
    static final long MIN_MS = 100;
    static final long MAX_MS = 5_000;

    private long next = MIN_MS;

    /** The delay to wait now; the one after is twice as long, up to the cap. */
    synchronized long next() {
        long wait = next;
        next = Math.min(next * 2, MAX_MS);
        return wait;
    }

    synchronized void reset() {
        next = MIN_MS;
    }
}

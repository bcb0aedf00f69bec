package io.espdesk.api;

/** Receives what a {@link Channel} delivers. Implemented by the host's link engine. */
public interface ChannelListener {

    /**
     * Bytes arrived. May block (back-pressure): a channel must not read more from its source until this returns.
     * The array may be reused by the channel after the call returns.
     *
     * @return whether the other side of the link took the bytes: written, or kept for a side that is away (true), or
     *     not, because the link is ending or the write failed (false). A channel that tells its own peer what was
     *     delivered (tcp {@code ?resume=on}) acknowledges only what was taken; others may ignore the answer.
     */
    boolean onData(byte[] data, int offset, int length);

    /** The channel ended for good (peer gone, port unplugged, plugin stopped); {@code reason} is one short line. */
    void onClosed(String reason);

    /** A state change worth one line to the user (connected, reconnecting in 2 s, client dropped …). */
    default void onStatus(String message) {
    }

    /** Bytes the channel had to throw away (a full store-and-forward buffer); counted in the link's figures. */
    default void onDropped(long bytes) {
    }
}

package io.espdesk.api;

/** Receives what a {@link Channel} delivers. Implemented by the host's link engine. */
public interface ChannelListener {

    /**
     * Bytes arrived. May block (back-pressure): a channel must not read more from its source until this returns.
     * The array may be reused by the channel after the call returns.
     */
    void onData(byte[] data, int offset, int length);

    /** The channel ended for good (peer gone, port unplugged, plugin stopped); {@code reason} is one short line. */
    void onClosed(String reason);

    /** A state change worth one line to the user (connected, reconnecting in 2 s, client dropped …). */
    default void onStatus(String message) {
    }
}

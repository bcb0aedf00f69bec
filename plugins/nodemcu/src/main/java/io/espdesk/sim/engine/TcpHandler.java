package io.espdesk.sim.engine;

/** The Lua-facing side of a TCP connection end (the net module's socket): told of every event. */
public interface TcpHandler {
    void connected();

    void received(byte[] segment);

    void sent();

    /** The connection ended; {@code err} is 0 for an orderly close, else the firmware's error code. */
    void disconnected(int err);
}

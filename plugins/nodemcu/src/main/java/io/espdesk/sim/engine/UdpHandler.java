package io.espdesk.sim.engine;

/** The Lua-facing side of a bound UDP port. */
public interface UdpHandler {
    void received(byte[] data, int fromPort, int fromIp);
}

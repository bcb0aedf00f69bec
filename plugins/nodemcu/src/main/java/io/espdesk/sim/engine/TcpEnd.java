package io.espdesk.sim.engine;

/** One end of a simulated TCP connection, owned by one board. */
public final class TcpEnd {
    final Board board;
    TcpEnd peer;
    TcpHandler handler;
    int localIp;
    int localPort;
    int remoteIp;
    int remotePort;
    boolean established;
    boolean closed;
    boolean sending;
    long lastArrival;
    /** The real socket behind this end when it goes through a gateway; null between boards. */
    RealPeer real;
    int idleTimeoutSec;
    Scheduler.Task idleTimer;

    TcpEnd(Board board, TcpHandler handler) {
        this.board = board;
        this.handler = handler;
    }

    public boolean established() {
        return established && !closed;
    }

    public boolean sending() {
        return sending;
    }

    public int remoteIp() {
        return remoteIp;
    }

    public int remotePort() {
        return remotePort;
    }

    public int localIp() {
        return localIp;
    }

    public int localPort() {
        return localPort;
    }

    public Board board() {
        return board;
    }

    public void handler(TcpHandler h) {
        this.handler = h;
    }

    /** The real side of a gateway connection. */
    public interface RealPeer {
        /** Writes bytes; runs {@code written} on the simulation once they are out. */
        void write(byte[] data, Runnable written);

        void close();
    }
}

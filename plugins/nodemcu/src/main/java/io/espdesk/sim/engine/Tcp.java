package io.espdesk.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP between simulated boards, at the level a NodeMCU script can observe: connection set-up after a round trip,
 * data delivered in order in segments of at most 1460 bytes (each a separate "receive"), "sent" once the peer
 * acknowledged, one send outstanding at a time, RST when the peer lost power, orderly close, idle timeouts of
 * server connections, and the lwIP limit of five connections per board.
 */
public final class Tcp {
    public static final int MSS = 1460;
    public static final int MAX_CONNECTIONS = 5;
    public static final int ERR_RST = -9;
    public static final int ERR_TIMEOUT = -3;
    public static final int ERR_CONN = -11;
    public static final int ERR_ABRT = -8;

    private final World world;
    private final Map<Board, Map<Integer, TcpListener>> listeners = new HashMap<>();
    private final Map<Board, List<TcpEnd>> ends = new HashMap<>();
    private int nextEphemeral = 49152;

    Tcp(World world) {
        this.world = world;
    }

    private long oneWay(Board a, Board b) {
        return world.oneWayUs(a, b);
    }

    /** Whether {@code port} is free on the board. */
    public boolean listening(Board b, int port) {
        return listeners.getOrDefault(b, Map.of()).containsKey(port);
    }

    public void listen(Board b, int port, TcpListener l) {
        listeners.computeIfAbsent(b, k -> new HashMap<>()).put(port, l);
    }

    public void unlisten(Board b, int port) {
        Map<Integer, TcpListener> m = listeners.get(b);
        if (m != null) {
            m.remove(port);
        }
    }

    public int openCount(Board b) {
        int n = 0;
        for (TcpEnd e : ends.getOrDefault(b, List.of())) {
            if (!e.closed) {
                n++;
            }
        }
        return n;
    }

    private void track(TcpEnd e) {
        ends.computeIfAbsent(e.board, k -> new ArrayList<>()).add(e);
    }

    private void untrack(TcpEnd e) {
        List<TcpEnd> l = ends.get(e.board);
        if (l != null) {
            l.remove(e);
        }
    }

    /** Starts connecting a new end of {@code from} to ip:port; the handler hears connected() or disconnected(err). */
    public TcpEnd connect(Board from, TcpHandler handler, int ip, int port) {
        TcpEnd c = new TcpEnd(from, handler);
        c.remoteIp = ip;
        c.remotePort = port;
        c.localPort = nextEphemeral++;
        track(c);
        Board dest = world.air().route(from, ip);
        c.localIp = dest == null ? from.station().ip() : world.air().addressFacing(from, dest);
        if (dest == null && world.gateways().handles(ip, port) && (from.station().ip() != 0 || from.softAp() != null)) {
            world.gateways().connect(c);
            return c;
        }
        if (dest == null) {
            // no route: the SYN goes nowhere; lwIP gives up after its retries
            world.scheduler().after(from.station().ip() == 0 && from.softAp() == null ? 100_000 : 10_000_000, from,
                    () -> fail(c, ERR_TIMEOUT));
            return c;
        }
        long synArrives = oneWay(from, dest);
        world.scheduler().after(synArrives, dest, () -> {
            TcpListener l = listeners.getOrDefault(dest, Map.of()).get(port);
            if (world.cut(from, dest)) {
                world.scheduler().after(10_000_000 - synArrives, from, () -> fail(c, ERR_TIMEOUT));
                return;
            }
            if (l == null || !dest.powered() || openCount(dest) >= MAX_CONNECTIONS) {
                world.scheduler().after(oneWay(dest, from), from, () -> fail(c, ERR_RST));
                return;
            }
            TcpEnd s = new TcpEnd(dest, null);
            s.localIp = ip;
            s.localPort = port;
            s.remoteIp = c.localIp;
            s.remotePort = c.localPort;
            s.peer = c;
            c.peer = s;
            s.established = true;
            track(s);
            if (!l.accept(s)) {
                s.closed = true;
                untrack(s);
                world.scheduler().after(oneWay(dest, from), from, () -> fail(c, ERR_RST));
                return;
            }
            touch(s);
            world.scheduler().after(oneWay(dest, from), from, () -> {
                if (c.closed) {
                    return;
                }
                c.established = true;
                from.deliver(() -> c.handler.connected());
            });
        });
        return c;
    }

    /** A gateway connection reached its real server. */
    public void establishReal(TcpEnd c, TcpEnd.RealPeer peer) {
        if (c.closed) {
            peer.close();
            return;
        }
        c.real = peer;
        c.established = true;
        c.board.deliver(() -> c.handler.connected());
    }

    /** A gateway connection could not reach its real server: the board sees a reset. */
    public void failFromReal(TcpEnd c) {
        fail(c, ERR_RST);
    }

    /** A real client connected to a board's listening port; null when nothing listens there or the board is full. */
    public TcpEnd acceptReal(Board dest, int port, int fromIp, int fromPort, TcpEnd.RealPeer peer) {
        TcpListener l = listeners.getOrDefault(dest, Map.of()).get(port);
        if (l == null || !dest.powered() || openCount(dest) >= MAX_CONNECTIONS) {
            return null;
        }
        TcpEnd s = new TcpEnd(dest, null);
        s.localIp = dest.station().ip() != 0 ? dest.station().ip() : dest.softAp() != null ? dest.softAp().gateway() : 0;
        s.localPort = port;
        s.remoteIp = fromIp;
        s.remotePort = fromPort;
        s.real = peer;
        s.established = true;
        track(s);
        if (!l.accept(s)) {
            s.closed = true;
            untrack(s);
            return null;
        }
        return s;
    }

    /** Bytes from a real peer, delivered as the firmware would: one "receive" per segment of at most 1460 bytes. */
    public void deliverFromReal(TcpEnd e, byte[] data) {
        for (int off = 0; off < data.length; off += MSS) {
            byte[] seg = java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + MSS));
            if (!e.closed) {
                touch(e);
                e.board.deliver(() -> e.handler.received(seg));
            }
        }
    }

    /** The real peer closed its side. */
    public void closedByReal(TcpEnd e) {
        if (!e.closed) {
            e.closed = true;
            untrack(e);
            cancelIdle(e);
            e.board.deliver(() -> e.handler.disconnected(0));
        }
    }

    /**
     * Sends bytes. Returns false (and sends nothing) while a previous send is still unacknowledged: the firmware's
     * rule, which scripts meet by sending the next piece from the "sent" callback.
     */
    public boolean send(TcpEnd e, byte[] data) {
        if (e.closed || !e.established || e.sending) {
            return false;
        }
        e.sending = true;
        if (e.real != null) {
            e.real.write(data, () -> ack(e));
            touch(e);
            return true;
        }
        TcpEnd p = e.peer;
        long t = world.scheduler().now();
        long arrival = Math.max(e.lastArrival, t);
        for (int off = 0; off < data.length || off == 0; off += MSS) {
            int len = Math.min(MSS, data.length - off);
            byte[] seg = java.util.Arrays.copyOfRange(data, off, off + len);
            long d = oneWay(e.board, p.board) + (long) (len * 0.4);
            int tries = 0;
            double loss = world.lossRate(e.board, p.board);
            while (loss > 0 && world.random().nextDouble() < loss && tries < 6) {
                d += 200_000L << tries; // retransmission timeout, doubling
                tries++;
            }
            arrival = Math.max(arrival, t) + d;
            e.lastArrival = arrival;
            final boolean last = off + MSS >= data.length;
            world.scheduler().after(arrival - t, p.board, () -> deliver(e, p, seg, last));
            if (data.length == 0) {
                break;
            }
        }
        touch(e);
        return true;
    }

    private void deliver(TcpEnd from, TcpEnd to, byte[] seg, boolean last) {
        if (from.closed && !to.closed) {
            return;
        }
        if (to.closed || !to.board.powered() || !reachable(from, to)) {
            // the peer lost power or the path is gone: it answers with RST, or nothing answers at all
            boolean rst = to.board.powered() && reachable(from, to) || !to.board.powered() && reachableBoard(from.board, to.board);
            long back = rst ? world.latencyUs() : 10_000_000;
            world.scheduler().after(back, from.board, () -> fail(from, rst ? ERR_RST : ERR_TIMEOUT));
            return;
        }
        if (seg.length > 0) {
            touch(to);
            to.board.deliver(() -> to.handler.received(seg));
        }
        if (last) {
            world.scheduler().after(oneWay(to.board, from.board), from.board, () -> ack(from));
        }
    }

    private void ack(TcpEnd e) {
        if (e.closed) {
            return;
        }
        e.sending = false;
        e.board.deliver(() -> e.handler.sent());
    }

    private boolean reachable(TcpEnd from, TcpEnd to) {
        return reachableBoard(from.board, to.board);
    }

    private boolean reachableBoard(Board from, Board to) {
        if (world.cut(from, to)) {
            return false;
        }
        Board via = world.air().route(from, world.air().addressFacing(to, from));
        return via == to;
    }

    /** An orderly close from this end: the peer hears "disconnection" (0); so does this end, as the firmware does. */
    public void close(TcpEnd e) {
        if (e.closed) {
            return;
        }
        e.closed = true;
        untrack(e);
        cancelIdle(e);
        if (e.real != null) {
            e.real.close();
        } else if (e.peer != null && !e.peer.closed) {
            TcpEnd p = e.peer;
            world.scheduler().after(Math.max(oneWay(e.board, p.board), e.lastArrival - world.scheduler().now() + 1), p.board, () -> {
                if (!p.closed) {
                    p.closed = true;
                    untrack(p);
                    cancelIdle(p);
                    p.board.deliver(() -> p.handler.disconnected(0));
                }
            });
        }
        world.scheduler().after(world.latencyUs(), e.board, () -> e.board.deliver(() -> e.handler.disconnected(0)));
    }

    private void fail(TcpEnd e, int err) {
        if (e.closed) {
            return;
        }
        e.closed = true;
        untrack(e);
        cancelIdle(e);
        e.board.deliver(() -> e.handler.disconnected(err));
    }

    /** The board's station lost its network: its connections over that interface abort at once. */
    void interfaceDown(Board b, int ip) {
        for (TcpEnd e : new ArrayList<>(ends.getOrDefault(b, List.of()))) {
            if (!e.closed && e.real == null && (e.localIp == ip || ip == 0)) {
                fail(e, ERR_ABRT);
            }
        }
    }

    /** Power loss: every end of the board vanishes silently; peers learn of it only when they next send. */
    void powerOff(Board b) {
        for (TcpEnd e : new ArrayList<>(ends.getOrDefault(b, List.of()))) {
            e.closed = true;
            cancelIdle(e);
            if (e.real != null) {
                e.real.close(); // the real peer sees the connection drop
            }
        }
        ends.remove(b);
        listeners.remove(b);
    }

    /** Server connections close after their idle timeout (net.createServer(type, timeout)). */
    private void touch(TcpEnd e) {
        if (e.idleTimeoutSec <= 0) {
            return;
        }
        cancelIdle(e);
        e.idleTimer = world.scheduler().after(e.idleTimeoutSec * 1_000_000L, e.board, () -> close(e));
    }

    public void setIdleTimeout(TcpEnd e, int seconds) {
        e.idleTimeoutSec = seconds;
        touch(e);
    }

    private static void cancelIdle(TcpEnd e) {
        if (e.idleTimer != null) {
            e.idleTimer.cancel();
            e.idleTimer = null;
        }
    }
}

package io.espdesk.sim.engine;

import java.util.HashMap;
import java.util.Map;

/** UDP datagrams between boards: delivered after the link latency, or lost at the configured loss rate. */
public final class Udp {
    private final World world;
    private final Map<Board, Map<Integer, UdpHandler>> bound = new HashMap<>();
    private int nextEphemeral = 50000;

    Udp(World world) {
        this.world = world;
    }

    public int ephemeralPort() {
        return nextEphemeral++;
    }

    /** Binds a port; false when it is taken. */
    public boolean bind(Board b, int port, UdpHandler h) {
        Map<Integer, UdpHandler> m = bound.computeIfAbsent(b, k -> new HashMap<>());
        if (m.containsKey(port)) {
            return false;
        }
        m.put(port, h);
        return true;
    }

    public void unbind(Board b, int port) {
        Map<Integer, UdpHandler> m = bound.get(b);
        if (m != null) {
            m.remove(port);
        }
    }

    public void send(Board from, int fromPort, int ip, int port, byte[] data) {
        if ((ip & 255) == 255) {
            for (Board b : world.boards()) {
                if (b != from && world.air().route(from, (ip & Ip.NETMASK_24) | (world.air().addressFacing(b, from) & 255)) == b) {
                    deliver(from, fromPort, b, port, data);
                }
            }
            return;
        }
        Board dest = world.air().route(from, ip);
        if (dest != null) {
            deliver(from, fromPort, dest, port, data);
        }
    }

    private void deliver(Board from, int fromPort, Board dest, int port, byte[] data) {
        double loss = world.lossRate(from, dest);
        if (world.cut(from, dest) || loss > 0 && world.random().nextDouble() < loss) {
            return;
        }
        int fromIp = world.air().addressFacing(from, dest);
        long d = world.oneWayUs(from, dest);
        world.scheduler().after(d, dest, () -> {
            UdpHandler h = bound.getOrDefault(dest, Map.of()).get(port);
            if (h != null) {
                dest.deliver(() -> h.received(data, fromPort, fromIp));
            }
        });
    }

    void powerOff(Board b) {
        bound.remove(b);
    }
}

package io.espdesk.sim.engine;

/** IPv4 addresses as ints, the way the simulation keeps them. */
public final class Ip {
    private Ip() {
    }

    public static String str(int ip) {
        return ((ip >>> 24) & 255) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    /** Parses dotted quad; returns 0 when the text is not one (a host name, say). */
    public static int parse(String s) {
        String[] p = s.trim().split("\\.");
        if (p.length != 4) {
            return 0;
        }
        int ip = 0;
        for (String part : p) {
            try {
                int v = Integer.parseInt(part);
                if (v < 0 || v > 255) {
                    return 0;
                }
                ip = (ip << 8) | v;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return ip;
    }

    public static final int NETMASK_24 = 0xFFFFFF00;
    public static final int LOOPBACK = parse("127.0.0.1");
}

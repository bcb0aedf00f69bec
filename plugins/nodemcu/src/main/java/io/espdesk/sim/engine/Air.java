package io.espdesk.sim.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated WiFi: which access points are up, who is in range of whom, and how an IP address on one of these
 * networks leads to a board. Addresses here exist only inside the simulation.
 */
public final class Air {
    /** How long stations take to notice that their AP is gone (missed beacons). */
    static final long BEACON_TIMEOUT_US = 3_000_000;

    private final List<AccessPoint> aps = new ArrayList<>();
    private final Set<Board> outOfRange = new HashSet<>();

    Air() {
    }

    /** A router that is not a board (a home network), on {@code subnet} (e.g. 192.168.1.0), leasing .2 and up. */
    public AccessPoint addRouter(String ssid, String pwd, String subnet, int maxStations) {
        AccessPoint ap = new AccessPoint(ssid, pwd, null, Ip.parse(subnet), maxStations, "a0:20:a6:00:00:" + String.format("%02x", aps.size() + 1));
        aps.add(ap);
        return ap;
    }

    AccessPoint startSoftAp(Board owner, WifiSettings s) {
        AccessPoint ap = new AccessPoint(s.apSsid, s.apPwd, owner, s.apIp, s.apMax, owner.apMac());
        aps.add(ap);
        return ap;
    }

    /** The AP goes down: its stations notice after the beacon timeout. */
    void stopSoftAp(AccessPoint ap) {
        ap.up = false;
        aps.remove(ap);
        for (Board st : new ArrayList<>(ap.stations().keySet())) {
            st.station().apLost(ap, BEACON_TIMEOUT_US);
        }
        ap.forgetLeases();
    }

    AccessPoint find(String ssid, Board station) {
        for (AccessPoint ap : aps) {
            if (ap.up && ap.ssid.equals(ssid) && ap.owner != station && inRange(station, ap)) {
                return ap;
            }
        }
        return null;
    }

    boolean inRange(Board b, AccessPoint ap) {
        return !outOfRange.contains(b) && (ap.owner == null || !outOfRange.contains(ap.owner));
    }

    /** Takes a board out of WiFi range of everything (or brings it back). */
    public void setInRange(Board b, boolean in) {
        if (in) {
            outOfRange.remove(b);
            return;
        }
        outOfRange.add(b);
        AccessPoint mine = b.station().ap();
        if (mine != null) {
            b.station().apLost(mine, BEACON_TIMEOUT_US);
        }
        AccessPoint own = b.softAp();
        if (own != null) {
            for (Board st : new ArrayList<>(own.stations().keySet())) {
                st.station().apLost(own, BEACON_TIMEOUT_US);
            }
        }
    }

    /** The board that holds {@code ip} as seen from {@code from}, or null when no simulated network reaches it. */
    public Board route(Board from, int ip) {
        if (ip == Ip.LOOPBACK) {
            return from;
        }
        AccessPoint sta = from.station().ap();
        if (sta != null && from.station().ip() != 0) {
            if (ip == from.station().ip()) {
                return from;
            }
            if ((ip & Ip.NETMASK_24) == sta.subnet) {
                return ip == sta.gateway() ? sta.owner : sta.stationAt(ip);
            }
        }
        AccessPoint own = from.softAp();
        if (own != null && (ip & Ip.NETMASK_24) == own.subnet) {
            return ip == own.gateway() ? from : own.stationAt(ip);
        }
        return null;
    }

    /** The address {@code from} has on the network it shares with {@code to} (0 when none). */
    public int addressFacing(Board from, Board to) {
        AccessPoint own = from.softAp();
        if (own != null && own.stations().containsKey(to)) {
            return own.gateway();
        }
        if (from.station().ap() != null) {
            return from.station().ip();
        }
        return own != null ? own.gateway() : 0;
    }
}

package io.espdesk.sim.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WiFi network: a board's SoftAP (192.168.4.1, leasing .2 and up) or a router that is not a board. It exists
 * only inside the simulation; no real packet is ever sent to its addresses.
 */
public final class AccessPoint {
    final String ssid;
    final String pwd;
    final Board owner;
    final int subnet;
    final int maxStations;
    final String bssid;
    boolean up = true;
    private final Map<Board, Integer> leases = new LinkedHashMap<>();
    private final Map<Board, Integer> remembered = new LinkedHashMap<>();
    private int nextHost = 2;

    AccessPoint(String ssid, String pwd, Board owner, int subnet, int maxStations, String bssid) {
        this.ssid = ssid;
        this.pwd = pwd == null ? "" : pwd;
        this.owner = owner;
        this.subnet = subnet & Ip.NETMASK_24;
        this.maxStations = maxStations;
        this.bssid = bssid;
    }

    public String ssid() {
        return ssid;
    }

    public int gateway() {
        return subnet | 1;
    }

    boolean full() {
        return leases.size() >= maxStations;
    }

    /** Leases an address (the same one again for a station that had one before, as DHCP servers do). */
    int join(Board station) {
        Integer have = leases.get(station);
        if (have != null) {
            return have;
        }
        Integer before = remembered.get(station);
        int ip = before != null ? before : subnet | nextHost++;
        leases.put(station, ip);
        remembered.put(station, ip);
        return ip;
    }

    void leave(Board station) {
        leases.remove(station);
    }

    Board stationAt(int ip) {
        for (Map.Entry<Board, Integer> e : leases.entrySet()) {
            if (e.getValue() == ip) {
                return e.getKey();
            }
        }
        return null;
    }

    Map<Board, Integer> stations() {
        return leases;
    }

    /** A board restarting its SoftAP forgets its DHCP table. */
    void forgetLeases() {
        leases.clear();
        remembered.clear();
        nextHost = 2;
    }
}

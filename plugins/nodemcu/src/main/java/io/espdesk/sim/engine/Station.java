package io.espdesk.sim.engine;

/**
 * The station interface of a board: associates with an AP by SSID and password, gets an address by DHCP, and
 * keeps retrying while auto-connect is on, as the SDK does. Status codes are the firmware's (wifi.STA_*).
 */
public final class Station {
    public static final int IDLE = 0;
    public static final int CONNECTING = 1;
    public static final int WRONGPWD = 2;
    public static final int APNOTFOUND = 3;
    public static final int FAIL = 4;
    public static final int GOTIP = 5;

    /** Disconnect reasons (wifi.eventmon.reason). */
    public static final int REASON_ASSOC_LEAVE = 8;
    public static final int REASON_BEACON_TIMEOUT = 200;
    public static final int REASON_NO_AP_FOUND = 201;
    public static final int REASON_AUTH_FAIL = 202;
    public static final int REASON_ASSOC_FAIL = 203;

    private static final long RETRY_US = 2_000_000;

    private final Board board;
    private int status = IDLE;
    private AccessPoint ap;
    private int ip;
    private Scheduler.Task pending;
    private int lastReason;

    Station(Board board) {
        this.board = board;
    }

    public int status() {
        return status;
    }

    public int ip() {
        return status == GOTIP ? ip : 0;
    }

    public AccessPoint ap() {
        return ap;
    }

    private World world() {
        return board.world();
    }

    private WifiListener listener() {
        return board.wifiListener();
    }

    private void setStatus(int s) {
        int old = status;
        status = s;
        if (old != s && listener() != null) {
            listener().staStatus(old, s);
        }
    }

    /** Starts (or restarts) associating with the configured SSID. */
    public void connect() {
        WifiSettings s = board.wifi();
        if (s.staSsid == null || (s.mode & WifiSettings.STATION) == 0) {
            return;
        }
        if (ap != null) {
            leave(REASON_ASSOC_LEAVE, false);
        }
        cancelPending();
        setStatus(CONNECTING);
        long delay = 2_000_000 + world().random().nextInt(1_000_000);
        pending = world().scheduler().after(delay, board, this::attempt);
    }

    private void attempt() {
        pending = null;
        WifiSettings s = board.wifi();
        AccessPoint found = world().air().find(s.staSsid, board);
        if (found == null) {
            fail(APNOTFOUND, REASON_NO_AP_FOUND, null);
            return;
        }
        if (!found.pwd.equals(s.staPwd == null ? "" : s.staPwd)) {
            fail(WRONGPWD, REASON_AUTH_FAIL, found);
            return;
        }
        if (found.full() && !found.stations().containsKey(board)) {
            fail(CONNECTING, REASON_ASSOC_FAIL, found);
            return;
        }
        ap = found;
        ip = found.join(board);
        if (listener() != null) {
            listener().staConnected(found.ssid, found.bssid, 1);
        }
        if (found.owner != null) {
            found.owner.apStationJoined(board);
        }
        long dhcp = 300_000 + world().random().nextInt(500_000);
        pending = world().scheduler().after(dhcp, board, () -> {
            pending = null;
            setStatus(GOTIP);
            if (listener() != null) {
                listener().staGotIp(ip, Ip.NETMASK_24, ap.gateway());
            }
        });
    }

    private void fail(int newStatus, int reason, AccessPoint seen) {
        if (listener() != null && (lastReason != reason || status != newStatus)) {
            listener().staDisconnected(board.wifi().staSsid, seen == null ? "00:00:00:00:00:00" : seen.bssid, reason);
        }
        lastReason = reason;
        setStatus(newStatus);
        if (board.wifi().staAuto) {
            pending = world().scheduler().after(RETRY_US, board, () -> {
                pending = null;
                attempt();
            });
        }
    }

    /** wifi.sta.disconnect(): leaves, and stays away until connect() or a reboot with auto-connect. */
    public void disconnect() {
        cancelPending();
        if (ap != null) {
            leave(REASON_ASSOC_LEAVE, true);
        }
        setStatus(IDLE);
    }

    /** The AP vanished (power, range): after the beacon timeout the station notices and, if auto, retries. */
    void apLost(AccessPoint lost, long afterUs) {
        world().scheduler().after(afterUs, board, () -> {
            if (ap != lost) {
                return;
            }
            leave(REASON_BEACON_TIMEOUT, true);
            setStatus(CONNECTING);
            if (board.wifi().staAuto) {
                cancelPending();
                pending = world().scheduler().after(RETRY_US, board, this::attempt);
            }
        });
    }

    private void leave(int reason, boolean tell) {
        AccessPoint was = ap;
        ap = null;
        int oldIp = ip;
        ip = 0;
        was.leave(board);
        if (was.owner != null) {
            was.owner.apStationLeft(board);
        }
        board.world().tcp().interfaceDown(board, oldIp);
        if (tell && listener() != null) {
            listener().staDisconnected(was.ssid, was.bssid, reason);
        }
    }

    /** Power loss: gone without a word; the AP notices nothing until its next packet goes unanswered. */
    void powerOff() {
        cancelPending();
        if (ap != null) {
            ap.leave(board);
            if (ap.owner != null) {
                ap.owner.apStationLeft(board);
            }
        }
        ap = null;
        ip = 0;
        status = IDLE;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}

package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.AccessPoint;
import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.Ip;
import io.espdesk.sim.engine.Station;
import io.espdesk.sim.engine.WifiListener;
import io.espdesk.sim.engine.WifiSettings;
import java.util.HashMap;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * wifi: modes, the station (positional config on 1.5, table config on both), the SoftAP (192.168.4.1, leasing .2
 * and up), and both event APIs: the legacy {@code wifi.sta.eventMonReg} and {@code wifi.eventmon.register}.
 * Settings are saved in the board's flash configuration and survive reboots; the association itself is simulated
 * by the engine's {@link Station}.
 */
public final class WifiModule extends Module implements WifiListener {
    static final int EV_STA_CONNECTED = 0;
    static final int EV_STA_DISCONNECTED = 1;
    static final int EV_STA_AUTHMODE_CHANGE = 2;
    static final int EV_STA_GOT_IP = 3;
    static final int EV_STA_DHCP_TIMEOUT = 4;
    static final int EV_AP_STACONNECTED = 5;
    static final int EV_AP_STADISCONNECTED = 6;
    static final int EV_AP_PROBEREQRECVED = 7;

    private final Map<Integer, LuaValue> eventmon = new HashMap<>();
    private final Map<Integer, LuaValue> legacyMon = new HashMap<>();
    private boolean legacyMonStarted;
    private LuaValue connectedCb = LuaValue.NIL;
    private LuaValue disconnectedCb = LuaValue.NIL;
    private LuaValue gotIpCb = LuaValue.NIL;

    public WifiModule(LuaBoard lua) {
        super(lua, "wifi");
        board.wifiListener(this);
    }

    private WifiSettings s() {
        return board.wifi();
    }

    @Override
    protected void build(LuaTable t) {
        t.set("NULLMODE", WifiSettings.NULLMODE);
        t.set("STATION", WifiSettings.STATION);
        t.set("SOFTAP", WifiSettings.SOFTAP);
        t.set("STATIONAP", WifiSettings.STATIONAP);
        t.set("STA_IDLE", Station.IDLE);
        t.set("STA_CONNECTING", Station.CONNECTING);
        t.set("STA_WRONGPWD", Station.WRONGPWD);
        t.set("STA_APNOTFOUND", Station.APNOTFOUND);
        t.set("STA_FAIL", Station.FAIL);
        t.set("STA_GOTIP", Station.GOTIP);
        t.set("PHYMODE_B", 1);
        t.set("PHYMODE_G", 2);
        t.set("PHYMODE_N", 3);
        t.set("OPEN", 0);
        t.set("WPA_PSK", 2);
        t.set("WPA2_PSK", 3);
        t.set("WPA_WPA2_PSK", 4);
        t.set("NONE_SLEEP", 0);
        t.set("LIGHT_SLEEP", 1);
        t.set("MODEM_SLEEP", 2);
        put(t, "setmode", a -> {
            int m = a.checkint(1);
            if (m < 0 || m > 3) {
                throw argError(1, "setmode", "wrong arg range");
            }
            setMode(m);
            return LuaValue.valueOf(m);
        });
        put(t, "getmode", a -> LuaValue.valueOf(s().mode));
        put(t, "setphymode", a -> LuaValue.valueOf(a.checkint(1)));
        put(t, "getphymode", a -> LuaValue.valueOf(3));
        put(t, "sleeptype", a -> LuaValue.valueOf(a.optint(1, 0)));
        put(t, "getchannel", a -> LuaValue.valueOf(1));
        t.set("sta", station());
        t.set("ap", softAp());
        t.set("eventmon", eventmonTable());
    }

    private void setMode(int m) {
        int old = s().mode;
        s().mode = m;
        boolean apWas = (old & WifiSettings.SOFTAP) != 0;
        boolean apNow = (m & WifiSettings.SOFTAP) != 0;
        if (apNow && !apWas) {
            board.startSoftAp();
        } else if (!apNow && apWas) {
            board.stopSoftAp();
        }
        if ((m & WifiSettings.STATION) == 0 && board.station().status() != Station.IDLE) {
            board.station().disconnect();
        }
    }

    private LuaTable station() {
        LuaTable sta = new LuaTable();
        put(sta, "config", a -> {
            LuaValue first = a.arg1();
            boolean auto;
            if (first.istable()) {
                LuaTable c = (LuaTable) first;
                String ssid = c.get("ssid").optjstring(null);
                if (ssid == null) {
                    throw new LuaError("ssid required");
                }
                checkSta(ssid, c.get("pwd").optjstring(""));
                s().staSsid = ssid;
                s().staPwd = c.get("pwd").optjstring("");
                auto = c.get("auto").isnil() || c.get("auto").toboolean();
                connectedCb = c.get("connected_cb");
                disconnectedCb = c.get("disconnected_cb");
                gotIpCb = c.get("got_ip_cb");
            } else {
                if (!legacy()) {
                    throw new LuaError("config table not found!");
                }
                String ssid = a.checkjstring(1);
                String pwd = a.optjstring(2, "");
                checkSta(ssid, pwd);
                s().staSsid = ssid;
                s().staPwd = pwd;
                auto = a.optint(3, 1) != 0;
            }
            s().staAuto = auto;
            if (auto && (s().mode & WifiSettings.STATION) != 0) {
                board.station().connect();
            }
            return LuaValue.TRUE;
        });
        put(sta, "connect", a -> {
            board.station().connect();
            return none();
        });
        put(sta, "disconnect", a -> {
            board.station().disconnect();
            return none();
        });
        put(sta, "autoconnect", a -> {
            s().staAuto = a.checkint(1) != 0;
            return none();
        });
        put(sta, "status", a -> LuaValue.valueOf(board.station().status()));
        put(sta, "getip", a -> {
            int ip = board.station().ip();
            if (ip == 0) {
                return LuaValue.NIL;
            }
            return LuaValue.varargsOf(LuaValue.valueOf(Ip.str(ip)), LuaValue.valueOf(Ip.str(Ip.NETMASK_24)),
                    LuaValue.valueOf(Ip.str(board.station().ap().gateway())));
        });
        put(sta, "getbroadcast", a -> {
            int ip = board.station().ip();
            return ip == 0 ? LuaValue.NIL : LuaValue.valueOf(Ip.str(ip | 255));
        });
        put(sta, "getmac", a -> LuaValue.valueOf(board.staMac()));
        put(sta, "getrssi", a -> board.station().ip() == 0 ? LuaValue.NIL : LuaValue.valueOf(-58));
        put(sta, "gethostname", a -> LuaValue.valueOf(s().hostname != null ? s().hostname : String.format("NODE-%06X", board.chipId())));
        put(sta, "sethostname", a -> {
            s().hostname = a.checkjstring(1);
            return LuaValue.TRUE;
        });
        put(sta, "getconfig", a -> {
            if (a.optboolean(1, false)) {
                LuaTable c = new LuaTable();
                c.set("ssid", s().staSsid == null ? "" : s().staSsid);
                c.set("pwd", s().staPwd);
                c.set("bssid_set", 0);
                return c;
            }
            return LuaValue.varargsOf(new LuaValue[] {LuaValue.valueOf(s().staSsid == null ? "" : s().staSsid),
                LuaValue.valueOf(s().staPwd), LuaValue.valueOf(0), LuaValue.valueOf("ff:ff:ff:ff:ff:ff")});
        });
        if (legacy()) {
            put(sta, "eventMonReg", a -> {
                int status = a.checkint(1);
                LuaValue fn = a.arg(2);
                if (fn.isfunction()) {
                    legacyMon.put(status, fn);
                } else {
                    legacyMon.remove(status);
                }
                return none();
            });
            put(sta, "eventMonStart", a -> {
                legacyMonStarted = true;
                return none();
            });
            put(sta, "eventMonStop", a -> {
                legacyMonStarted = false;
                if (a.optint(1, 0) != 0) {
                    legacyMon.clear();
                }
                return none();
            });
        }
        return sta;
    }

    private void checkSta(String ssid, String pwd) {
        if (ssid.isEmpty() || ssid.length() > 32) {
            throw new LuaError("ssid:<32");
        }
        if (!pwd.isEmpty() && (pwd.length() < 8 || pwd.length() > 64)) {
            throw new LuaError("pwd:8~64");
        }
    }

    private LuaTable softAp() {
        LuaTable ap = new LuaTable();
        put(ap, "config", a -> {
            LuaTable c = a.checktable(1);
            String ssid = c.get("ssid").optjstring(null);
            if (ssid == null || ssid.isEmpty() || ssid.length() > 32) {
                throw new LuaError("ssid:<32");
            }
            String pwd = c.get("pwd").optjstring("");
            if (!pwd.isEmpty() && (pwd.length() < 8 || pwd.length() > 64)) {
                throw new LuaError("pwd:8~64");
            }
            int max = c.get("max").optint(4);
            if (max < 1 || max > 4) {
                throw new LuaError("max:1~4");
            }
            s().apSsid = ssid;
            s().apPwd = pwd;
            s().apMax = max;
            s().apHidden = c.get("hidden").optint(0) != 0;
            s().apChannel = c.get("channel").optint(1);
            if ((s().mode & WifiSettings.SOFTAP) != 0) {
                board.startSoftAp();
            }
            return LuaValue.TRUE;
        });
        put(ap, "getip", a -> {
            AccessPoint own = board.softAp();
            if (own == null) {
                return LuaValue.NIL;
            }
            return LuaValue.varargsOf(LuaValue.valueOf(Ip.str(own.gateway())), LuaValue.valueOf(Ip.str(Ip.NETMASK_24)),
                    LuaValue.valueOf(Ip.str(own.gateway())));
        });
        put(ap, "setip", a -> {
            LuaTable c = a.checktable(1);
            int ip = Ip.parse(c.get("ip").checkjstring());
            if (ip == 0) {
                throw new LuaError("wrong arg type");
            }
            s().apIp = ip;
            if (board.softAp() != null) {
                board.startSoftAp();
            }
            return LuaValue.TRUE;
        });
        put(ap, "getbroadcast", a -> board.softAp() == null ? LuaValue.NIL : LuaValue.valueOf(Ip.str(board.softAp().gateway() | 255)));
        put(ap, "getmac", a -> LuaValue.valueOf(board.apMac()));
        put(ap, "getclient", a -> {
            LuaTable l = new LuaTable();
            AccessPoint own = board.softAp();
            if (own != null) {
                for (Board st : world().boards()) {
                    if (st.station().ap() == own && st.station().ip() != 0) {
                        l.set(st.staMac(), Ip.str(st.station().ip()));
                    }
                }
            }
            return l;
        });
        put(ap, "getconfig", a -> LuaValue.varargsOf(LuaValue.valueOf(s().apSsid == null ? "" : s().apSsid), LuaValue.valueOf(s().apPwd)));
        return ap;
    }

    private LuaTable eventmonTable() {
        LuaTable em = new LuaTable();
        em.set("STA_CONNECTED", EV_STA_CONNECTED);
        em.set("STA_DISCONNECTED", EV_STA_DISCONNECTED);
        em.set("STA_AUTHMODE_CHANGE", EV_STA_AUTHMODE_CHANGE);
        em.set("STA_GOT_IP", EV_STA_GOT_IP);
        em.set("STA_DHCP_TIMEOUT", EV_STA_DHCP_TIMEOUT);
        em.set("AP_STACONNECTED", EV_AP_STACONNECTED);
        em.set("AP_STADISCONNECTED", EV_AP_STADISCONNECTED);
        em.set("AP_PROBEREQRECVED", EV_AP_PROBEREQRECVED);
        LuaTable reason = new LuaTable();
        reason.set("ASSOC_LEAVE", Station.REASON_ASSOC_LEAVE);
        reason.set("BEACON_TIMEOUT", Station.REASON_BEACON_TIMEOUT);
        reason.set("NO_AP_FOUND", Station.REASON_NO_AP_FOUND);
        reason.set("AUTH_FAIL", Station.REASON_AUTH_FAIL);
        reason.set("ASSOC_FAIL", Station.REASON_ASSOC_FAIL);
        em.set("reason", reason);
        put(em, "register", a -> {
            int ev = a.checkint(1);
            if (ev < 0 || ev > 7) {
                throw argError(1, "register", "valid wifi event expected");
            }
            LuaValue fn = a.arg(2);
            if (fn.isfunction()) {
                eventmon.put(ev, fn);
            } else {
                eventmon.remove(ev);
            }
            return none();
        });
        put(em, "unregister", a -> {
            eventmon.remove(a.checkint(1));
            return none();
        });
        return em;
    }

    private void fire(int ev, LuaTable info, LuaValue extra) {
        LuaValue fn = eventmon.get(ev);
        if (fn != null) {
            world().scheduler().after(0, board, () -> lua.callLua(fn, info));
        }
        if (extra != null && extra.isfunction()) {
            world().scheduler().after(0, board, () -> lua.callLua(extra, info));
        }
    }

    private static LuaTable table(Object... kv) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            t.set((String) kv[i], v instanceof Integer ? LuaValue.valueOf((Integer) v) : LuaValue.valueOf(String.valueOf(v)));
        }
        return t;
    }

    @Override
    public void staConnected(String ssid, String bssid, int channel) {
        fire(EV_STA_CONNECTED, table("SSID", ssid, "BSSID", bssid, "channel", channel), connectedCb);
    }

    @Override
    public void staDisconnected(String ssid, String bssid, int reason) {
        fire(EV_STA_DISCONNECTED, table("SSID", ssid == null ? "" : ssid, "BSSID", bssid, "reason", reason), disconnectedCb);
    }

    @Override
    public void staGotIp(int ip, int netmask, int gateway) {
        fire(EV_STA_GOT_IP, table("IP", Ip.str(ip), "netmask", Ip.str(netmask), "gateway", Ip.str(gateway)), gotIpCb);
    }

    @Override
    public void staStatus(int oldStatus, int newStatus) {
        LuaValue fn = legacyMon.get(newStatus);
        if (legacyMonStarted && fn != null) {
            world().scheduler().after(0, board, () -> lua.callLua(fn, LuaValue.valueOf(oldStatus)));
        }
    }

    @Override
    public void apStationConnected(String mac, int aid) {
        fire(EV_AP_STACONNECTED, table("MAC", mac, "AID", aid), null);
    }

    @Override
    public void apStationDisconnected(String mac, int aid) {
        fire(EV_AP_STADISCONNECTED, table("MAC", mac, "AID", aid), null);
    }

}

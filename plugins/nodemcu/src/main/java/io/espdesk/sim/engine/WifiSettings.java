package io.espdesk.sim.engine;

/**
 * What the ESP8266 SDK keeps in its flash configuration sector: mode, station and SoftAP settings. It survives
 * reboots, so a station configured once reconnects by itself after a power cycle, as on hardware.
 */
public final class WifiSettings {
    public static final int NULLMODE = 0;
    public static final int STATION = 1;
    public static final int SOFTAP = 2;
    public static final int STATIONAP = 3;

    public int mode = STATION;
    public String staSsid;
    public String staPwd = "";
    public boolean staAuto = true;
    public String apSsid;
    public String apPwd = "";
    public int apMax = 4;
    public int apChannel = 1;
    public boolean apHidden;
    public int apIp = Ip.parse("192.168.4.1");
    public String hostname;
}

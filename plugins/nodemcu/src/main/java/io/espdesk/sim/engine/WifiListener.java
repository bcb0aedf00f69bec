package io.espdesk.sim.engine;

/** What the station and SoftAP tell the wifi module, which turns it into Lua events. */
public interface WifiListener {
    void staConnected(String ssid, String bssid, int channel);

    void staDisconnected(String ssid, String bssid, int reason);

    void staGotIp(int ip, int netmask, int gateway);

    void staStatus(int oldStatus, int newStatus);

    void apStationConnected(String mac, int aid);

    void apStationDisconnected(String mac, int aid);
}

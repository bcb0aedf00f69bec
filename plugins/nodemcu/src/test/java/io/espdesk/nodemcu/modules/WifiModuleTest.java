package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wifi: SoftAP addressing, station association, its failure modes, and both event APIs. */
class WifiModuleTest {
    @Test
    void softApIs192_168_4_1AndLeasesFromDot2() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript("print(wifi.getmode(), wifi.ap.getip())\n"
                + "tmr.alarm(0, 8000, 0, function() for mac, ip in pairs(wifi.ap.getclient()) do print(ip) end end)"));
        b.board("s1", Bench.staScript("print(wifi.sta.getip())"));
        b.board("s2", Bench.staScript("print(wifi.sta.getip())"));
        b.run(9000);
        assertEquals(List.of("192.168.4.2", "192.168.4.3", "2\t192.168.4.1\t255.255.255.0\t192.168.4.1"),
                sorted(b.lines("ap")));
        List<String> ips = List.of(b.lines("s1").get(0), b.lines("s2").get(0));
        assertTrue(ips.contains("192.168.4.2\t255.255.255.0\t192.168.4.1"), ips.toString());
        assertTrue(ips.contains("192.168.4.3\t255.255.255.0\t192.168.4.1"), ips.toString());
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    @Test
    void statusWalksFromConnectingToGotIp() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript(""));
        b.board("sta", "wifi.setmode(wifi.STATION) print(wifi.sta.status()) wifi.sta.config('net', 'password1')\n"
                + "print(wifi.sta.status(), wifi.sta.getip())\ntmr.alarm(0, 5000, 0, function() print(wifi.sta.status(), wifi.STA_GOTIP) end)");
        b.run(6000);
        assertEquals(List.of("0", "1\tnil", "5\t5"), b.lines("sta"));
    }

    @Test
    void wrongPasswordAndAbsentSsidBehaveAsOnHardware() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript(""));
        b.board("wrong", "wifi.setmode(wifi.STATION)\nwifi.eventmon.register(wifi.eventmon.STA_DISCONNECTED, function(T) print('disc', T.SSID, T.reason) end)\n"
                + "wifi.sta.config('net', 'not-the-password')\ntmr.alarm(0, 6000, 0, function() print(wifi.sta.status(), wifi.sta.getip()) end)");
        b.board("absent", "wifi.setmode(wifi.STATION)\nwifi.sta.config('nowhere', 'password1')\n"
                + "tmr.alarm(0, 6000, 0, function() print(wifi.sta.status() == wifi.STA_APNOTFOUND) end)");
        b.run(6500);
        assertEquals(List.of("disc\tnet\t202", "2\tnil"), b.lines("wrong"));
        assertEquals(List.of("true"), b.lines("absent"));
    }

    @Test
    void aFullAccessPointRefusesTheNextStation() {
        Bench b = Bench.legacy();
        b.board("ap", "wifi.setmode(wifi.SOFTAP)\nwifi.ap.config({ssid='net', pwd='password1', max=1})");
        b.board("first", Bench.staScript("print('in', wifi.sta.getip())"));
        b.board("second", "wifi.setmode(wifi.STATION)\nwifi.sta.config('net','password1')\n"
                + "tmr.alarm(0, 10000, 0, function() print(wifi.sta.getip(), wifi.sta.status()) end)");
        b.run(10500);
        assertTrue(b.lines("first").get(0).startsWith("in\t192.168.4.2"));
        assertEquals(List.of("nil\t1"), b.lines("second"));
    }

    @Test
    void eventmonReportsConnectAndGotIpOnBothSides() {
        Bench b = Bench.modern();
        b.board("ap", Bench.apScript("wifi.eventmon.register(wifi.eventmon.AP_STACONNECTED, function(T) print('joined', #T.MAC) end)"));
        b.board("sta", "wifi.setmode(wifi.STATION)\n"
                + "wifi.eventmon.register(wifi.eventmon.STA_CONNECTED, function(T) print('assoc', T.SSID) end)\n"
                + "wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T) print('ip', T.IP, T.gateway) end)\n"
                + "wifi.sta.config({ssid='net', pwd='password1'})");
        b.run(5000);
        assertEquals(List.of("assoc\tnet", "ip\t192.168.4.2\t192.168.4.1"), b.lines("sta"));
        assertEquals(List.of("joined\t17"), b.lines("ap"));
    }

    @Test
    void legacyEventMonRegNeedsStart() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript(""));
        b.board("sta", "wifi.setmode(wifi.STATION)\nwifi.sta.eventMonReg(wifi.STA_GOTIP, function(prev) print('got ip after', prev) end)\n"
                + "wifi.sta.eventMonStart()\nwifi.sta.config('net', 'password1')");
        b.run(5000);
        assertEquals(List.of("got ip after\t1"), b.lines("sta"));
    }

    @Test
    void configFormsAndTheirErrors() {
        Bench legacy = Bench.legacy();
        legacy.board("b", "print(pcall(wifi.sta.config, 'ssid', 'short'))\nprint(pcall(wifi.ap.config, {ssid='x', pwd='1234'}))\n"
                + "print(wifi.sta.config({ssid='a', pwd='password1', auto=false}))");
        legacy.run(10);
        assertEquals(List.of("false\tpwd:8~64", "false\tpwd:8~64", "true"), legacy.lines("b"));
        Bench modern = Bench.modern();
        modern.board("b", "print(pcall(wifi.sta.config, 'ssid', 'password1'))\nprint(wifi.sta.eventMonReg)");
        modern.run(10);
        assertEquals(List.of("false\tconfig table not found!", "nil"), modern.lines("b"));
    }

    @Test
    void stationsJoinARouterThatIsNotABoard() {
        Bench b = Bench.legacy();
        b.sim.addRouter("HomeNet", "homepass1", "192.168.1.0", 8);
        b.board("a", "wifi.setmode(wifi.STATION) wifi.sta.config('HomeNet','homepass1')\n"
                + "tmr.alarm(0, 5000, 0, function() print(wifi.sta.getip()) end)");
        b.run(5500);
        assertEquals(List.of("192.168.1.2\t255.255.255.0\t192.168.1.1"), b.lines("a"));
    }

    @Test
    void settingsSurviveAPowerCycleAndTheStationRejoinsByItself() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript(""));
        var sta = b.board("sta", "if select(2, node.bootreason()) == 0 then wifi.setmode(wifi.STATION) wifi.sta.config('net','password1') end\n"
                + "tmr.alarm(0, 5000, 0, function() print(node.bootreason(), wifi.sta.getip()) end)");
        b.run(6000);
        sta.powerCycle(1000);
        b.run(7000);
        List<String> l = b.lines("sta");
        assertEquals(2, l.size(), l.toString());
        assertEquals("1\t192.168.4.2\t255.255.255.0\t192.168.4.1", l.get(1), "power-on reason, same lease, no config call");
        assertEquals(2, sta.boots());
    }
}

package io.espdesk.nodemcu;

import io.espdesk.sim.BoardHandle;
import io.espdesk.sim.ConsoleLine;
import io.espdesk.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test bench of simulated boards: write each board's init.lua inline, run, and read what each printed (without
 * the boot banner), with virtual times.
 */
public final class Bench {
    public final Simulation sim;
    public final List<String> warnings = new ArrayList<>();

    public Bench(Profile profile) {
        sim = Simulation.create(1, profile);
        sim.onWarning(warnings::add);
    }

    public static Bench legacy() {
        return new Bench(Profile.V1_5);
    }

    public static Bench modern() {
        return new Bench(Profile.V3_0);
    }

    public BoardHandle board(String name, String initLua) {
        return board(name, Map.of("init.lua", initLua), 0);
    }

    public BoardHandle board(String name, Map<String, String> files, long startMillis) {
        return sim.addBoard(name, new LinkedHashMap<>(files), Duration.ofMillis(startMillis));
    }

    public Bench run(long millis) {
        sim.runFor(Duration.ofMillis(millis));
        return this;
    }

    /** What {@code board} printed, banner lines left out. */
    public List<String> lines(String board) {
        sim.flush();
        List<String> out = new ArrayList<>();
        for (ConsoleLine l : sim.output()) {
            if (l.board().equals(board) && !l.text().startsWith("NodeMCU ")) {
                out.add(l.text());
            }
        }
        return out;
    }

    /** {@code millis:text} for each line of {@code board}, banner left out. */
    public List<String> timed(String board) {
        sim.flush();
        List<String> out = new ArrayList<>();
        for (ConsoleLine l : sim.output()) {
            if (l.board().equals(board) && !l.text().startsWith("NodeMCU ")) {
                out.add(l.micros() / 1000 + ":" + l.text());
            }
        }
        return out;
    }

    /** A board that joins AP "net" (password "password1") hosted by a board named "ap" that runs {@code apExtra}. */
    public static String apScript(String extra) {
        return "wifi.setmode(wifi.SOFTAP)\nwifi.ap.config({ssid='net', pwd='password1'})\n" + extra;
    }

    public static String staScript(String onIp) {
        return "wifi.setmode(wifi.STATION)\nwifi.sta.config({ssid='net', pwd='password1'})\n"
                + "local t = tmr.create()\nt:alarm(100, tmr.ALARM_AUTO, function(t)\n"
                + "  if wifi.sta.getip() then t:unregister()\n" + onIp + "\n  end\nend)\n";
    }
}

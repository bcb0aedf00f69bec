package io.espdesk.sim.osgi;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.api.ChannelProvider;
import io.espdesk.api.json.JsonConfigException;
import io.espdesk.sim.BoardHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code board://NAME/uart0?sim=DIR}: UART0 of board NAME of the scenario folder DIR (as for {@code espdesk sim}),
 * running at wall speed while a channel to one of its boards is open. Channels to boards of the same folder share one
 * simulation, so two bridged boards still talk over their simulated WiFi. DIR is relative to the espdesk folder. The
 * scenario's boards and network run; its test steps (typed bytes, faults) only with {@code &steps=on}.
 */
public final class BoardProvider implements ChannelProvider, AutoCloseable {
    static final Set<String> KNOWN = Set.of("sim", "steps");

    private final Path home;
    /** Running simulations by folder and whether they run its steps: boards of one of them talk to each other. */
    private final Map<String, LiveSimulation> running = new HashMap<>();

    /** @param home what a relative {@code sim=} is resolved against */
    public BoardProvider(Path home) {
        this.home = home;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("board");
    }

    @Override
    public SchemeHelp help(String scheme) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("sim=DIR", "the scenario folder the board is in, as for espdesk sim (required)");
        o.put("steps=on", "also run the scenario's test steps: typed bytes, faults (off: its boards and network only)");
        return new SchemeHelp("board://NAME/uart0", "UART0 of a simulated board, running at wall speed while the channel is open", o);
    }

    @Override
    public void validate(ChannelAddress a) {
        a.requireKnownOptions(KNOWN);
        String name = a.host();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("address '" + a + "' names no board (expected board://NAME/uart0?sim=DIR)");
        }
        if (!a.path().equals("/uart0")) {
            throw new IllegalArgumentException("address '" + a + "': a board has one UART here: board://" + name + "/uart0");
        }
        Path dir = simDir(a);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("address '" + a + "': no scenario folder " + dir);
        }
        steps(a);
        if (!Files.isDirectory(dir.resolve(name)) && !name.equals(String.valueOf(dir.getFileName()))) {
            throw new IllegalArgumentException("address '" + a + "': " + dir + " has no board '" + name + "' (a folder of that name)");
        }
    }

    /** {@code steps=on} also runs the scenario's test steps; off (the default) runs its boards and network only. */
    private static boolean steps(ChannelAddress a) {
        String v = a.option("steps", "off");
        if (!v.equals("on") && !v.equals("off")) {
            throw new IllegalArgumentException("address '" + a + "': option steps must be on or off (found '" + v + "')");
        }
        return v.equals("on");
    }

    private Path simDir(ChannelAddress a) {
        String sim = a.option("sim", null);
        if (sim == null || sim.isEmpty()) {
            throw new IllegalArgumentException("address '" + a + "' names no scenario folder (expected ?sim=lua-scripts/NAME)");
        }
        return home.resolve(sim).toAbsolutePath().normalize();
    }

    @Override
    public Channel open(ChannelAddress a) throws IOException {
        try {
            validate(a);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path dir = simDir(a);
        boolean steps = steps(a);
        String key = dir + (steps ? "?steps=on" : "");
        synchronized (running) {
            LiveSimulation live = running.get(key);
            if (live == null) {
                try {
                    live = LiveSimulation.load(dir, steps);
                } catch (JsonConfigException e) {
                    throw new IOException(e.getMessage(), e);
                }
                running.put(key, live);
            }
            BoardHandle board = live.board(a.host());
            if (board == null) {
                throw new IOException("address '" + a + "': the scenario " + dir + " has no board '" + a.host() + "'");
            }
            live.join();
            return new BoardChannel(a.toString(), live, board, this::closed);
        }
    }

    private void closed(BoardChannel c) {
        LiveSimulation live = c.live();
        boolean last;
        synchronized (running) {
            last = live.leave() == 0;
            if (last) {
                running.values().remove(live);
            }
        }
        if (last) {
            live.stop();
        }
    }

    /** Stops every running simulation (the plugin is stopping). */
    @Override
    public void close() {
        synchronized (running) {
            running.values().forEach(LiveSimulation::stop);
            running.clear();
        }
    }

    /** The espdesk folder: {@code espdesk.home} as the espdesk command sets it, else the working folder. */
    static Path defaultHome() {
        return Path.of(System.getProperty("espdesk.home", ".")).toAbsolutePath();
    }
}

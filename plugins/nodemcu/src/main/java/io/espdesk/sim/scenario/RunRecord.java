package io.espdesk.sim.scenario;

import io.espdesk.sim.ConsoleLine;
import io.espdesk.sim.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a finished run left behind for its expectations to look at. */
public final class RunRecord {
    private final Simulation sim;
    private final Map<String, Integer> probes = new HashMap<>();

    RunRecord(Simulation sim) {
        this.sim = sim;
    }

    public Simulation sim() {
        return sim;
    }

    /** Lines of one board, in order. */
    public List<ConsoleLine> lines(String board) {
        List<ConsoleLine> out = new ArrayList<>();
        for (ConsoleLine l : sim.output()) {
            if (l.board().equals(board)) {
                out.add(l);
            }
        }
        return out;
    }

    void probe(String key, int value) {
        probes.put(key, value);
    }

    Integer probed(String key) {
        return probes.get(key);
    }
}

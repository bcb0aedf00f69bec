package io.espdesk.sim.scenario;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.json.JsonNode;
import io.espdesk.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code gateways} of sim.json, which connect the simulation to real TCP endpoints:
 * <pre>
 * {"sim": "192.168.1.50:3000", "to": "tcp://127.0.0.1:3000"}          boards reach a real server
 * {"from": "tcp-listen://127.0.0.1:8080", "board": "server", "port": 80}  real clients reach a board
 * </pre>
 * With a gateway the simulation runs at wall speed. A listener binds 127.0.0.1 unless it names another address.
 */
public final class Gateways {
    static final Set<String> KEYS = Set.of("sim", "to", "from", "board", "port");

    private Gateways() {
    }

    /** Reads and checks every gateway; each opens its real side in one run. */
    static List<Consumer<Simulation>> parse(List<JsonNode> gateways, Set<String> boards) {
        List<Consumer<Simulation>> out = new ArrayList<>();
        for (JsonNode g : gateways) {
            g.requireObject("a gateway").allowKeys(KEYS);
            if (g.has("sim")) {
                JsonNode simNode = g.get("sim");
                String[] hp = simNode.asString().split(":");
                if (hp.length != 2 || !hp[0].matches("\\d+\\.\\d+\\.\\d+\\.\\d+") || !hp[1].matches("\\d{1,5}")) {
                    throw simNode.error("expected a simulated IPv4 address and port such as \"192.168.1.50:3000\"");
                }
                ChannelAddress to = address(g.require("to"), "tcp");
                out.add(sim -> sim.gatewayTo(hp[0], Integer.parseInt(hp[1]), to.host(), to.port()));
            } else if (g.has("from")) {
                ChannelAddress from = address(g.get("from"), "tcp-listen");
                JsonNode b = g.require("board");
                if (!boards.contains(b.asString())) {
                    throw b.error("unknown board \"" + b.asString() + "\" (boards: " + String.join(", ", boards) + ")");
                }
                int port = (int) g.require("port").asLong(1, 65_535);
                String board = b.asString();
                out.add(sim -> sim.gatewayFrom(from.host().isEmpty() ? "127.0.0.1" : from.host(), from.port(), board, port));
            } else {
                throw g.error("a gateway needs \"sim\" and \"to\" (boards reach a real server) or \"from\", \"board\" and \"port\" "
                        + "(real clients reach a board)");
            }
        }
        return out;
    }

    private static ChannelAddress address(JsonNode n, String scheme) {
        try {
            ChannelAddress a = ChannelAddress.parse(n.asString());
            if (!a.scheme().equals(scheme)) {
                throw n.error("expected a " + scheme + ":// address but found \"" + n.asString() + "\"");
            }
            a.port();
            a.requireKnownOptions(Set.of());
            return a;
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }
}

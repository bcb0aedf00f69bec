package io.espdesk.sim;

import io.espdesk.sim.scenario.Scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** lua-scripts/two-esp8266 through the Java API: the tutorial's exchange, at the expected virtual times, repeatably. */
class TwoBoardScenarioTest {
    static final Path DIR = Path.of("../../lua-scripts/two-esp8266");

    private static List<ConsoleLine> run(long seed, Duration d) {
        Simulation sim = Scenario.load(DIR).build(seed, null);
        sim.runFor(d);
        sim.flush();
        return sim.output();
    }

    @Test
    void theServerPrintsTheClientsMessageEveryFiveSeconds() {
        List<ConsoleLine> out = run(1, Duration.ofSeconds(60));
        List<Long> times = out.stream().filter(l -> l.board().equals("server") && l.text().equals("Received Data: Hello World!"))
                .map(l -> l.micros() / 1000).collect(Collectors.toList());
        // the client's 2 s poll sees its address at 4 s, connects, and its 5 s timer first fires at 9 s
        assertEquals(11, times.size(), times.toString());
        assertTrue(times.get(0) >= 9_000 && times.get(0) < 9_020, times.toString());
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(Math.abs(gap - 5_000) < 10, "gap " + gap + " in " + times);
        }
        List<String> client = out.stream().filter(l -> l.board().equals("client")).map(ConsoleLine::text).collect(Collectors.toList());
        assertEquals(List.of("ESP8266 Client", "Looking for a connection", "Connecting...", "Connected!",
                "Client IP Address:\t192.168.4.2\t255.255.255.0\t192.168.4.1"), client.subList(1, client.size()));
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentTiming() {
        List<ConsoleLine> a = run(42, Duration.ofMinutes(10));
        List<ConsoleLine> b = run(42, Duration.ofMinutes(10));
        assertEquals(a, b);
        List<ConsoleLine> c = run(43, Duration.ofMinutes(10));
        assertNotEquals(a, c, "the seed drives jitter and association delays");
        assertEquals(a.stream().map(ConsoleLine::plain).filter(s -> s.contains("Received")).count(),
                c.stream().map(ConsoleLine::plain).filter(s -> s.contains("Received")).count(), "but not what happens");
    }
}

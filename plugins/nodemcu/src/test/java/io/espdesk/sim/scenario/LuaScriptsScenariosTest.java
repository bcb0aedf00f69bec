package io.espdesk.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every scenario of lua-scripts/ runs here with its expectations; the naive reconnect client really fails. */
class LuaScriptsScenariosTest {
    static final Path ROOT = Path.of("../../lua-scripts");

    @ParameterizedTest
    @ValueSource(strings = {"two-esp8266-reconnect/fixed", "serial-relay", "many-clients/router", "many-clients/softap", "deep-sleep-sensor"})
    void scenarioHoldsForSeveralSeeds(String name) {
        Scenario s = Scenario.load(ROOT.resolve(name));
        assertNull(s.xfail());
        for (long seed = 1; seed <= 5; seed++) {
            ScenarioReport r = ScenarioRunner.run(s, seed);
            assertTrue(r.allPassed(), r.toString());
            assertFalse(r.results().isEmpty());
        }
    }

    @Test
    void theNaiveClientFailsThePowerCycleAndTheReportShowsWhy() {
        Scenario s = Scenario.load(ROOT.resolve("two-esp8266-reconnect/naive"));
        ScenarioReport r = ScenarioRunner.run(s, null);
        assertTrue(r.ok(), "an xfail scenario is ok when it fails");
        assertFalse(r.allPassed());
        ScenarioReport.Result before = r.results().get(0);
        ScenarioReport.Result after = r.results().get(1);
        assertTrue(before.passed(), "it works until the power cut: " + before);
        assertFalse(after.passed());
        assertEquals("server prints /^Received Data: Hello World!$/ at least 10 times after 45s", after.expectation());
        assertEquals("0 matches", after.seen());
        List<String> last = after.lastLines();
        assertEquals("00:00:33.000 [server] Server IP Address:\t192.168.4.1\t255.255.255.0\t192.168.4.1", last.get(last.size() - 1));
    }

    @Test
    void theSerialRelayMovesEveryByteValueBothWaysAcrossSegments() {
        ScenarioReport r = ScenarioRunner.run(Scenario.load(ROOT.resolve("serial-relay")), null);
        assertEquals("right emits exactly 3076 bytes on its UART", r.results().get(0).expectation());
        assertEquals("3076 bytes, identical", r.results().get(0).seen());
        assertEquals("3094 bytes, identical", r.results().get(1).seen());
    }

    @Test
    void assertHoldsIsTheOneLineForJUnitUsers(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        ScenarioRunner.assertHolds(ROOT.resolve("serial-relay"));
        ScenarioRunner.assertHolds(ROOT.resolve("two-esp8266-reconnect/naive")); // xfail: it holds by failing
        java.nio.file.Files.createDirectories(tmp.resolve("b"));
        java.nio.file.Files.writeString(tmp.resolve("b/init.lua"), "print('hello')");
        java.nio.file.Files.writeString(tmp.resolve("sim.json"), "{\"duration\": \"1s\", \"expect\": [{\"board\": \"b\", \"prints\": \"bye\"}]}");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> ScenarioRunner.assertHolds(tmp));
        assertTrue(e.getMessage().contains("FAIL  " + tmp + " (seed 1): b prints /bye/ (0 matches)\n        00:00:00.000 [b] NodeMCU"),
                e.getMessage());
    }
}

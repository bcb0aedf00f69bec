package io.espdesk.sim.scenario;

import io.espdesk.nodemcu.Profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.espdesk.api.json.JsonConfigException;
import io.espdesk.sim.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sim.json: what it sets, and each kind of mistake as one line with file, line and column. */
class ScenarioTest {
    @TempDir
    Path dir;

    private void boards(String... names) throws IOException {
        for (String n : names) {
            Files.createDirectories(dir.resolve(n));
            Files.writeString(dir.resolve(n).resolve("init.lua"), "print('" + n + "')");
        }
    }

    private String error(String json) throws IOException {
        Files.writeString(dir.resolve("sim.json"), json);
        String m = assertThrows(JsonConfigException.class, () -> Scenario.load(dir)).getMessage();
        return m.substring(dir.toString().length() + 1);
    }

    @Test
    void aFolderHoldingInitLuaIsAOneBoardScenarioNamedAfterIt() throws IOException {
        Path solo = Files.createDirectories(dir.resolve("blinky"));
        Files.writeString(solo.resolve("init.lua"), "print('on my own')");
        Files.createDirectories(solo.resolve("notes")); // a subfolder is not a board when the folder is one
        Scenario s = Scenario.load(solo);
        assertEquals(1, s.boards().size());
        assertEquals("blinky", s.boards().get(0).name());
        assertEquals(solo, s.boards().get(0).dir());
        Simulation sim = s.build(null, null);
        sim.runFor(Duration.ofSeconds(1));
        assertEquals(java.util.List.of("NodeMCU 1.5.4.1 (espdesk simulated ESP8266, profile 1.5)", "on my own"), sim.board("blinky").lines());
    }

    @Test
    void aMissingFolderIsNamedWithoutALineAndColumn() {
        Path nope = dir.resolve("nope");
        assertEquals(nope + ": no such scenario folder", assertThrows(JsonConfigException.class, () -> Scenario.load(nope)).getMessage());
    }

    @Test
    void settingsAndStartOrder() throws IOException {
        boards("a", "b", "c");
        Files.writeString(dir.resolve("sim.json"), "{\"duration\": \"2h\", \"seed\": 9, \"profile\": \"3.0\",\n"
                + " \"network\": {\"latency\": \"10ms\", \"loss\": 0.1},\n \"routers\": [{\"ssid\": \"Home\", \"pwd\": \"password1\"}],\n"
                + " \"boards\": {\"c\": {}, \"b\": {\"start\": \"1.5s\"}}}");
        Scenario s = Scenario.load(dir);
        assertEquals(Duration.ofHours(2), s.duration());
        assertEquals(9, s.seed());
        assertEquals(Profile.V3_0, s.profile());
        assertEquals("c", s.boards().get(0).name());
        assertEquals(Duration.ofMillis(1500), s.boards().get(1).start());
        assertEquals("a", s.boards().get(2).name());
    }

    @Test
    void badInputIsOneLineWithItsPlace() throws IOException {
        boards("server");
        assertEquals("sim.json:1:14: expected a duration such as 60s, 500ms, 2m, 24h but found \"forever\"",
                error("{\"duration\": \"forever\"}"));
        assertEquals("sim.json:2:3: unknown key \"speed\" (expected one of: boards, duration, expect, gateways, network, profile, routers, seed, steps, watchdog, xfail)",
                error("{\"seed\": 1,\n  \"speed\": 2}"));
        assertEquals("sim.json:1:23: board \"client\" has no folder " + dir.resolve("client") + " (boards: server)",
                error("{\"boards\": {\"client\": {\"start\": \"1s\"}}}"));
        assertEquals("sim.json:1:13: unknown firmware profile '2.0' (expected 1.5 or 3.0)", error("{\"profile\": \"2.0\"}"));
        assertEquals("sim.json:1:11: malformed JSON: the file ends before an object or array is closed", error("{\"seed\": 1"));
        assertEquals("sim.json:1:22: expected a loss rate from 0 to below 1 but found 1.5", error("{\"network\": {\"loss\": 1.5}}"));
    }

    @Test
    void aFolderWithoutBoardsIsSaidSo() {
        JsonConfigException e = assertThrows(JsonConfigException.class, () -> Scenario.load(dir));
        assertEquals(dir + ": no board folders (one subfolder per board, each with its init.lua; or an init.lua here for a single board)",
                e.getMessage());
    }
}

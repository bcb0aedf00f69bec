package io.espdesk.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.json.JsonConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of scenario step, and each kind of bad scenario (one line: file, line, column). */
class StepsTest {
    @TempDir
    Path dir;

    private void board(String name, String lua) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("init.lua"), lua);
    }

    private ScenarioReport run(String simJson) throws IOException {
        Files.writeString(dir.resolve("sim.json"), simJson);
        return ScenarioRunner.run(Scenario.load(dir), null);
    }

    private static final String AP = "wifi.setmode(wifi.SOFTAP) wifi.ap.config({ssid='net', pwd='password1'})\n"
            + "srv = net.createServer(net.TCP, 600) srv:listen(80, function(c) c:on('receive', function(c, d) print('rx', d) end) end)";
    private static final String STA = "wifi.setmode(wifi.STATION) wifi.sta.config('net', 'password1')\n"
            + "wifi.eventmon.register(wifi.eventmon.STA_DISCONNECTED, function(T) print('wifi lost', T.reason) end)\n"
            + "wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T) print('wifi up') end)\n"
            + "c = net.createConnection(net.TCP, 0) up = false\n"
            + "c:on('connection', function() up = true end) c:on('disconnection', function(_, e) up = false print('tcp down') end)\n"
            + "tmr.alarm(0, 4000, 0, function() c:connect(80, '192.168.4.1') end)\n"
            + "tmr.alarm(1, 1000, 1, function() if up then c:send('t' .. tmr.time()) end end)";

    @Test
    void outOfRangeAndBack() throws IOException {
        board("ap", AP);
        board("sta", STA);
        ScenarioReport r = run("{\"duration\": \"30s\", \"steps\": [{\"at\": \"10s\", \"outOfRange\": \"sta\"}, {\"at\": \"20s\", \"inRange\": \"sta\"}],\n"
                + "\"expect\": [{\"board\": \"sta\", \"prints\": \"^wifi lost\\t200$\", \"within\": \"15s\", \"after\": \"10s\"},"
                + " {\"board\": \"sta\", \"prints\": \"^wifi up$\", \"after\": \"20s\"},"
                + " {\"board\": \"ap\", \"prints\": \"^rx\\tt1[4-9]$\", \"never\": true}]}");
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void cutAndRestoreTheLinkBetweenTwoBoards() throws IOException {
        board("ap", AP);
        board("sta", STA);
        ScenarioReport r = run("{\"duration\": \"40s\", \"steps\": [{\"at\": \"10s\", \"cut\": [\"ap\", \"sta\"]}, {\"at\": \"15s\", \"restore\": [\"sta\", \"ap\"]}],\n"
                + "\"expect\": [{\"board\": \"sta\", \"prints\": \"^tcp down$\", \"atLeast\": 1, \"after\": \"10s\", \"within\": \"12s\"},"
                + " {\"board\": \"ap\", \"prints\": \"^rx\\tt1[1-4]$\", \"never\": true}]}");
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void slowLinkDelaysDelivery() throws IOException {
        board("ap", AP);
        board("sta", STA);
        ScenarioReport r = run("{\"duration\": \"12s\", \"steps\": [{\"at\": \"0s\", \"slow\": [\"ap\", \"sta\"], \"latency\": \"400ms\"}],\n"
                + "\"expect\": [{\"board\": \"ap\", \"prints\": \"^rx\", \"atLeast\": 1}]}");
        assertTrue(r.allPassed(), r.toString());
        // connect at 4 s, handshake 2 x 400 ms, first send at 5 s, 400 ms on the way (this pair has no jitter)
        assertTrue(r.results().get(0).seen().endsWith("first at 00:00:05.400"), r.results().get(0).seen());
    }

    @Test
    void restartTheAccessPointAndPowerCycleWhenABoardPrints() throws IOException {
        board("ap", AP + "\nprint('ap boot', node.bootreason())");
        board("sta", STA);
        ScenarioReport r = run("{\"duration\": \"40s\", \"steps\": [{\"at\": \"10s\", \"restartAp\": \"ap\", \"off\": \"4s\"},\n"
                + " {\"when\": {\"board\": \"sta\", \"prints\": \"^wifi lost\"}, \"delay\": \"10s\", \"powerCycle\": \"ap\", \"off\": \"1s\"}],\n"
                + "\"expect\": [{\"board\": \"sta\", \"prints\": \"^wifi lost\\t200$\", \"atLeast\": 1},"
                + " {\"board\": \"ap\", \"prints\": \"^ap boot\\t1\\t0$\", \"atLeast\": 2},"
                + " {\"board\": \"ap\", \"rebootsAtMost\": 1}]}");
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void typedBytesAndDrivenPins() throws IOException {
        board("b", "uart.on('data', 0, function(d) uart.write(0, d:upper()) end, 0)\n"
                + "gpio.mode(1, gpio.INPUT) gpio.mode(2, gpio.OUTPUT)\ntmr.alarm(0, 100, 1, function() gpio.write(2, gpio.read(1)) end)");
        ScenarioReport r = run("{\"duration\": \"10s\", \"steps\": [{\"at\": \"1s\", \"type\": \"b\", \"text\": \"abc\"},"
                + " {\"at\": \"2s\", \"type\": \"b\", \"hex\": \"00 ff\"}, {\"at\": \"5s\", \"drive\": \"b\", \"pin\": 1, \"level\": 0}],\n"
                + "\"expect\": [{\"board\": \"b\", \"emitsHex\": \"41424300ff\"},"
                + " {\"board\": \"b\", \"gpio\": 2, \"reads\": 1, \"at\": \"4s\"}, {\"board\": \"b\", \"gpio\": 2, \"reads\": 0, \"at\": \"6s\"}]}");
        assertTrue(r.allPassed(), r.toString());
        assertEquals("b GPIO 2 reads 0 at 6s", r.results().get(2).expectation());
    }

    @Test
    void failingExpectationsSayWhatWasSeen() throws IOException {
        board("b", "print('hello')");
        ScenarioReport r = run("{\"duration\": \"1s\", \"expect\": [{\"board\": \"b\", \"prints\": \"goodbye\"},"
                + " {\"board\": \"b\", \"emits\": \"x\"}, {\"board\": \"b\", \"prints\": \"hello\", \"never\": true}]}");
        assertEquals(List.of(false, false, false), r.results().stream().map(ScenarioReport.Result::passed).toList());
        assertEquals("0 matches", r.results().get(0).seen());
        assertEquals("0 bytes, first difference at byte 0", r.results().get(1).seen());
        assertEquals("00:00:00.000 [b] hello", r.results().get(2).lastLines().get(1));
    }

    private String bad(String simJson) throws IOException {
        Files.writeString(dir.resolve("sim.json"), simJson);
        String m = assertThrows(JsonConfigException.class, () -> Scenario.load(dir)).getMessage();
        return m.substring(dir.toString().length() + 1);
    }

    @Test
    void badScenariosNameFileLineAndColumn() throws IOException {
        board("server", "print(1)");
        assertEquals("sim.json:2:30: unknown board \"client\" (boards: server)",
                bad("{\"steps\": [\n  {\"at\": \"1s\", \"powerCycle\": \"client\"}]}"));
        assertEquals("sim.json:2:3: unknown step: expected one of powerCycle, outOfRange, inRange, restartAp, cut, restore, slow, type, drive",
                bad("{\"steps\": [\n  {\"at\": \"1s\"}]}"));
        assertEquals("sim.json:2:16: unknown key \"explode\" (expected one of: at, cut, delay, drive, hex, inRange, jitter, latency, level, loss, "
                + "off, outOfRange, pin, powerCycle, restartAp, restore, slow, text, type, when)",
                bad("{\"steps\": [\n  {\"at\": \"1s\", \"explode\": \"server\"}]}"));
        assertEquals("sim.json:1:43: malformed regex: Unclosed group near index 4",
                bad("{\"expect\": [{\"board\": \"server\", \"prints\": \"(abc\"}]}"));
        assertEquals("sim.json:1:23: unknown board \"nobody\" (boards: server)",
                bad("{\"expect\": [{\"board\": \"nobody\", \"prints\": \"x\"}]}"));
        assertEquals("sim.json:1:12: a step needs either \"at\" (a virtual time) or \"when\" (a board printing a pattern)",
                bad("{\"steps\": [{\"powerCycle\": \"server\"}]}"));
        assertEquals("sim.json:1:12: malformed JSON: unexpected character ','", bad("{\"steps\": [,]}"));
    }
}

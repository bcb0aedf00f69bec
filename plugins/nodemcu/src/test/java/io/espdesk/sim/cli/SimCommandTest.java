package io.espdesk.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.cli.CliContext;
import io.espdesk.host.cli.EspdeskCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code espdesk sim} through the real command line (the subcommand is found with ServiceLoader). */
class SimCommandTest {
    @TempDir
    Path tmp;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EspdeskCli.run(args, new CliContext(tmp, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true)));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsEachBoardsLinesThenTheSummary() {
        String[] r = run("sim", "../../lua-scripts/two-esp8266", "--for", "20s", "--timestamps");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("[server] Received Data: Hello World!\n"), r[1]);
        assertTrue(r[1].matches("(?s)00:00:00\\.000 \\[\\w+\\] NodeMCU 1\\.5\\.4\\.1.*"), r[1]);
        assertTrue(r[2].matches("simulated 20\\.0 s in \\d+\\.\\d\\d s \\(\\d+x\\)\n"), r[2]);
    }

    @Test
    void aFolderWithInitLuaRunsAsOneBoard() throws Exception {
        Files.createDirectories(tmp.resolve("blink"));
        Files.writeString(tmp.resolve("blink/init.lua"), "print('hello from one board')");
        String[] r = run("sim", tmp.resolve("blink").toString(), "--for", "1s");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("[blink] hello from one board\n"), r[1]);
    }

    @Test
    void sameSeedPrintsTheSameBytes() {
        assertEquals(run("sim", "../../lua-scripts/two-esp8266", "--for", "5m", "--seed", "3")[1],
                run("sim", "../../lua-scripts/two-esp8266", "--for", "5m", "--seed", "3")[1]);
    }

    @Test
    void aSyntaxErrorIsSaidOnceAsTheBoardSaysIt() throws Exception {
        Files.createDirectories(tmp.resolve("s/b"));
        Files.writeString(tmp.resolve("s/b/init.lua"), "print('ok')\nx = = 1\n");
        String[] r = run("sim", tmp.resolve("s").toString(), "--for", "1s");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("[b] init.lua:2: unexpected symbol near '='\n"), r[1]);
        assertEquals(1, (r[1] + r[2]).split("unexpected symbol", -1).length - 1, "said once: " + r[1] + r[2]);
        assertTrue(r[2].matches("simulated 1\\.0 s in \\d+\\.\\d\\d s \\(\\d+x\\)\n"), r[2]);
    }

    @Test
    void badArgumentsExitWith2() {
        String[] r = run("sim", "../../lua-scripts/two-esp8266", "--for", "soon");
        assertEquals("2", r[0]);
        assertEquals("espdesk: expected a duration such as 60s, 500ms, 2m, 24h but found \"soon\"\n", r[2]);
        assertEquals("2", run("sim", "../../lua-scripts/two-esp8266", "--profile", "9")[0]);
        assertTrue(run("sim", "--help")[1].contains("./espdesk sim lua-scripts/two-esp8266"));
    }
}

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

/** {@code espdesk test} through the real command line: lines, exit codes, seeds, JUnit XML. */
class TestCommandTest {
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
    void theWholeSuitePassesWithTheNaiveClientAsAnExpectedFailure() throws Exception {
        Path xml = tmp.resolve("report.xml");
        String[] r = run("test", "../../lua-scripts", "--junit", xml.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("XFAIL ../../lua-scripts/two-esp8266-reconnect/naive (seed 1): server prints /^Received Data: Hello World!$/ "
                + "at least 10 times after 45s (0 matches)"), r[1]);
        assertTrue(r[1].matches("(?s).*\n6 scenario runs: 6 passed, 0 failed \\(970 s simulated in \\d+\\.\\d\\d s\\)\n"), r[1]);
        String x = Files.readString(xml);
        assertTrue(x.contains("<testsuite name=\"../../lua-scripts/serial-relay (seed 1)\" tests=\"4\" failures=\"0\""), x);
        assertTrue(x.contains("<skipped message=\"expected failure: the tutorial&apos;s") || x.contains("<skipped message=\"expected failure: the tutorial's"), x);
    }

    @Test
    void theJUnitReportsFolderIsMadeAndAWriteErrorSaysWhy() throws Exception {
        Path xml = tmp.resolve("target/nested/scenarios.xml"); // as on a fresh clone: no target/ yet
        String[] r = run("test", "../../lua-scripts/serial-relay", "--junit", xml.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(Files.readString(xml).contains("<testsuite name=\"../../lua-scripts/serial-relay (seed 1)\""));
        Files.writeString(tmp.resolve("plain"), "a file where a folder should be");
        Path bad = tmp.resolve("plain/scenarios.xml");
        r = run("test", "../../lua-scripts/serial-relay", "--junit", bad.toString());
        assertEquals("2", r[0]);
        assertEquals("espdesk: cannot write " + bad + ": " + tmp.resolve("plain") + " is a file, not a folder\n", r[2]);
    }

    @Test
    void aFailingScenarioExitsWith1AndShowsTheBoardsLastLines() throws Exception {
        Files.createDirectories(tmp.resolve("s/b"));
        Files.writeString(tmp.resolve("s/b/init.lua"), "print('one') print('two')");
        Files.writeString(tmp.resolve("s/sim.json"), "{\"duration\": \"1s\", \"expect\": [{\"board\": \"b\", \"prints\": \"three\"}]}");
        String[] r = run("test", tmp.resolve("s").toString(), "--seeds", "2");
        assertEquals("1", r[0]);
        assertTrue(r[1].contains("FAIL  " + tmp.resolve("s") + " (seed 1): b prints /three/ (0 matches)\n"
                + "        00:00:00.000 [b] NodeMCU 1.5.4.1 (espdesk simulated ESP8266, profile 1.5)\n"
                + "        00:00:00.000 [b] one\n        00:00:00.000 [b] two\n"), r[1]);
        assertTrue(r[1].contains("(seed 2)"), r[1]);
        assertTrue(r[1].contains("2 scenario runs: 0 passed, 2 failed"), r[1]);
    }

    @Test
    void nothingToTestIsAClearError() {
        String[] r = run("test", tmp.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("espdesk: no scenario with expectations under"), r[2]);
    }
}

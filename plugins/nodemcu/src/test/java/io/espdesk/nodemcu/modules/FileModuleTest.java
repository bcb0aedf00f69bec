package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** file: both APIs on the board's own flash, persisting across reboots, never touching the host. */
class FileModuleTest {
    @Test
    void legacyOneOpenFileStyle() {
        Bench b = Bench.legacy();
        b.board("b", "file.open('log.txt', 'w')\nfile.writeline('one')\nfile.write('two')\nfile.close()\n"
                + "if file.open('log.txt') then print(file.readline()) print(file.readline()) print(file.readline()) file.close() end\n"
                + "print(file.open('missing.txt'))");
        b.run(10);
        assertEquals(List.of("one", "", "two", "nil", "nil"), b.lines("b"));
    }

    @Test
    void objectStyleAppendSeekAndList() {
        Bench b = Bench.modern();
        b.board("b", "local f = file.open('d.txt', 'w+') f:write('hello') f:seek('set', 1) print(f:read(3)) f:close()\n"
                + "f = file.open('d.txt', 'a') f:write('!') f:close()\n"
                + "print(file.getcontents('d.txt'))\nprint(file.list()['d.txt'], file.exists('d.txt'), file.exists('x'))\n"
                + "print(file.rename('d.txt', 'e.txt'), file.exists('e.txt'))\nfile.remove('e.txt') print(file.exists('e.txt'))");
        b.run(10);
        assertEquals(List.of("ell", "hello!", "6\ttrue\tfalse", "true\ttrue", "false"), b.lines("b"));
    }

    @Test
    void filesSurviveARebootButNotTheSourceFolder() {
        Bench b = Bench.legacy();
        var h = b.board("b", Map.of("init.lua", "local n = tonumber(file.getcontents and file.getcontents('n') or nil)\n"
                + "if file.open('n') then n = tonumber(file.read()) file.close() end\nn = (n or 0) + 1\n"
                + "file.open('n', 'w') file.write(tostring(n)) file.close()\nprint('boot', n)\nif n < 3 then node.restart() end"), 0);
        b.run(2000);
        assertEquals(List.of("boot\t1", "boot\t2", "boot\t3"), b.lines("b"));
        assertEquals("3", new String(h.file("n")));
        assertNull(h.file("../init.lua"));
    }

    @Test
    void namesAreCheckedAndTheFileSystemReportsSpace() {
        Bench b = Bench.legacy();
        b.board("b", "print(pcall(file.open, string.rep('x', 32), 'w'))\nlocal r, u, t = file.fsinfo() print(r + u == t, u > 0)\n"
                + "print(pcall(file.open, 'a', 'q'))");
        b.run(10);
        assertEquals(List.of("false\tbad argument #1 to 'open' (filename too long)", "true\ttrue",
                "false\tbad argument #2 to 'open' (invalid mode)"), b.lines("b"));
    }
}

package io.espdesk.nodemcu.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way out of a board is tried here, and each fails with a clear Lua error; runaway boards end alone. */
class SandboxTest {
    private static List<String> run(String lua) {
        Bench b = Bench.legacy();
        b.board("b", lua);
        b.run(10);
        return b.lines("b");
    }

    @Test
    void noHostLibraries() {
        assertEquals(List.of("nil\tnil\tnil\tnil"), run("print(io, os, luajava, package.loadlib)"));
        assertEquals(List.of("nil"), run("print(package.loaded.io)"));
        // debug keeps only what reads the board's own stack: nothing that reaches locals, upvalues or metatables
        assertEquals(List.of("function\tfunction\tnil\tnil\tnil\tnil\tnil\tnil"),
                run("print(type(debug.traceback), type(debug.getinfo), debug.sethook, debug.getlocal, debug.setupvalue,"
                        + " debug.setmetatable, debug.getregistry, debug.getmetatable)"));
    }

    @Test
    void noBinaryChunks() {
        assertEquals(List.of("nil"), run("print(string.dump)"));
        List<String> l = run("print(load('\\27Lua\\82\\0\\1\\4\\4\\4\\8\\0'))");
        assertTrue(l.get(0).startsWith("nil\tattempt to load a binary chunk"), l.toString());
    }

    @Test
    void filesComeOnlyFromTheBoardsFlash() {
        List<String> l = run("print(pcall(dofile, '/etc/passwd'))\nprint(pcall(dofile, '../client/init.lua'))\n"
                + "print(pcall(require, 'java.lang.System'))\nprint(loadfile('/etc/hostname'))");
        assertTrue(l.get(0).startsWith("false\tcannot open /etc/passwd"), l.toString());
        assertTrue(l.get(1).startsWith("false\tcannot open ../client/init.lua"), l.toString());
        assertTrue(l.get(2).startsWith("false\tmodule 'java.lang.System' not found"), l.toString());
        assertTrue(l.get(l.size() - 1).startsWith("nil\tcannot open /etc/hostname"), l.toString());
    }

    @Test
    void requireFindsModulesInFlash() {
        Bench b = Bench.legacy();
        b.board("b", Map.of("init.lua", "local m = require('helper') print(m.twice(21))", "helper.lua", "return { twice = function(x) return 2 * x end }"), 0);
        b.run(10);
        assertEquals(List.of("42"), b.lines("b"));
    }

    @Test
    void theSharedStringMetatableCannotBeChanged() {
        List<String> l = run("print(getmetatable(''))\nprint(pcall(function() string.upper = nil return ('x'):upper() end))\n"
                + "print(pcall(rawset, getmetatable('') or {}, 'x', 1))");
        assertEquals("false", l.get(0));
        assertEquals("true\tX", l.get(1), "a board's own string table may change; methods on strings stay intact");
    }

    @Test
    void boardsDoNotShareGlobalsOrStringTables() {
        Bench b = Bench.legacy();
        b.board("a", "secret = 'mine' string.shout = function(s) return s:upper() end");
        b.board("c", "tmr.alarm(0, 10, 0, function() print(secret, string.shout, ('x').shout) end)");
        b.run(100);
        assertEquals(List.of("nil\tnil\tnil"), b.lines("c"));
    }

    @Test
    void anEndlessLoopEndsOnlyItsBoard() {
        Bench b = Bench.legacy();
        b.board("runaway", "if select(2, node.bootreason()) == 0 then while true do end end\nprint('rebooted')");
        b.board("other", "tmr.alarm(0, 500, 1, function() print('alive') end)");
        b.run(1100);
        assertEquals(List.of("", " ets Jan  8 2013,rst cause:4, boot mode:(3,6)", "", "wdt reset", "rebooted"), b.lines("runaway"));
        assertEquals(List.of("alive", "alive"), b.lines("other"));
    }

    @Test
    void aMemoryBombEndsOnlyItsBoard() {
        Bench b = Bench.legacy();
        b.board("bomb", "print('boot', select(2, node.bootreason()))\n"
                + "if select(2, node.bootreason()) == 0 then tmr.alarm(0, 10, 0, function() local s = string.rep('x', 1e9) end) end");
        b.board("other", "tmr.alarm(0, 500, 1, function() print('alive') end)");
        b.run(1100);
        assertEquals(List.of("boot\t0", "PANIC: unprotected error in call to Lua API (init.lua:2: not enough memory)", "boot\t2"),
                b.lines("bomb"));
        assertEquals(List.of("alive", "alive"), b.lines("other"));
    }

    @Test
    void outputIsDeterministic() {
        List<String> l = run("local t = {} print(t, print == print, tostring(t) == tostring(t))\nmath.randomseed(5) print(math.random(100), math.random(100))");
        assertEquals(List.of("table: 0x3fff0010\ttrue\ttrue"), l.subList(0, 1));
        assertEquals(run("math.randomseed(5) print(math.random(100), math.random(100))"), l.subList(1, 2));
    }

    @Test
    void lua51NamesTheFirmwareHas() {
        assertEquals(List.of("3\t6\t8\tLua 5.1"),
                run("print(select('#', unpack({1,2,3})), loadstring('return 6')(), math.pow(2, 3), _VERSION)"));
    }
}

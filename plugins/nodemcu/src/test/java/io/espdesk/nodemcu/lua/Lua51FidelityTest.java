package io.espdesk.nodemcu.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.nodemcu.Bench;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A board runs Lua 5.1 as the firmware embeds it, where LuaJ 3.0.1 (Lua 5.2) differs. Each expected text is what PUC
 * lua5.1 (5.1.5) printed for the same script; what LuaJ printed before is in each test's comment.
 */
class Lua51FidelityTest {
    private static List<String> run(String lua) {
        Bench b = Bench.legacy();
        b.board("b", lua);
        b.run(10);
        return b.lines("b");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Lua51FidelityTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The board prints what PUC lua5.1 printed for NAME.lua (kept as NAME.expected). */
    private static void assertPrintsAsLua51(String name) throws IOException {
        assertEquals(resource(name + ".expected"), String.join("\n", run(resource(name + ".lua"))) + "\n");
    }

    @Test
    void numbersPrintWithFourteenDigits() {
        // LuaJ: 0.33333334  33.333332  3.1415927  Infinity
        assertEquals(List.of("0.33333333333333\t33.333333333333\t3.1415926535898\t1e+100\tx0.33333333333333\t9.007199254741e+15"),
                run("print(1/3, 100/3, math.pi, 1e100, 'x' .. 1/3, 2^53)"));
    }

    @Test
    void tonumberSkipsWhitespaceAroundTheNumber() {
        // LuaJ: nil nil (the usual n = tonumber(file.readline()) gave nil)
        assertEquals(List.of("1\t2\t16\tnil\t4"), run("print(tonumber('1\\n'), tonumber(' 2 '), tonumber(' 10 ', 16), tonumber('1 2'), '3\\r\\n' + 1)"));
    }

    @Test
    void stringFormatHasCsFlagsWidthsAndPrecisions() throws IOException {
        // LuaJ: ("%5.2f"):format(3.14159) was 3.14159, %.0f of 2.5 was 2.5, %g of 0.0001 was 1.0E-4, %q of "\0" not "\000"
        assertPrintsAsLua51("format");
    }

    @Test
    void patternsMatchAsIn51() throws IOException {
        // LuaJ: %f[%a] threw ArrayIndexOutOfBoundsException ("vm error: java.lang..."), gmatch("abc", "()") gave wrong positions
        assertPrintsAsLua51("patterns");
    }

    @Test
    void errorsNameTheirVariablesAndKeep51sLevelsAndFunctions() throws IOException {
        // LuaJ: "attempt to call nil", "attempt to index ? (a nil value)", "index expected, got nil", error(msg, 0) with a
        // position, no setfenv/getfenv/newproxy/module/table.foreach/maxn/math.log10, pcall not catching a deep recursion
        assertPrintsAsLua51("errors");
    }

    @Test
    void theGrammarIs51s() throws IOException {
        // LuaJ (5.2's grammar) accepted ";;", ";" alone and a statement after break, and its syntax errors had no
        // "near '<token>'"; loadstring's chunks were all named "(load)"
        assertPrintsAsLua51("grammar");
    }
}

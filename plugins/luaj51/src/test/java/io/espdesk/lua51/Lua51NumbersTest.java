package io.espdesk.lua51;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * LuaJ as patched by this module converts numbers as Lua 5.1 does. Expected texts are what PUC lua5.1 (5.1.5, glibc)
 * printed for the same expressions; LuaJ 3.0.1 unpatched prints 0.33333334, Infinity, 1.0E-5, nil for "1\n".
 */
class Lua51NumbersTest {
    private final Globals lua = JsePlatform.standardGlobals();

    private String eval(String expr) {
        return lua.load("return tostring(" + expr + ")").call().tojstring();
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource(delimiter = '|', value = {
        "1/3|0.33333333333333", "100/3|33.333333333333", "math.pi|3.1415926535898", "1e100|1e+100", "-1e100|-1e+100",
        "2^53|9.007199254741e+15", "1e15|1e+15", "1e14|1e+14", "123456789012345|1.2345678901234e+14", "0.1|0.1",
        "1e-5|1e-05", "0.0001|0.0001", "1/0|inf", "-1/0|-inf", "2^63|9.2233720368548e+18", "5e-324|4.9406564584125e-324",
        "1.5|1.5", "100|100", "3.14159265358979|3.1415926535898", "-2.5|-2.5", "1e300*1e10|inf"})
    void numbersPrintAsPercentFourteenG(String expr, String shown) {
        assertEquals(shown, eval(expr));
    }

    @Test
    void concatenationAndTableConcatUseTheSameText() {
        assertEquals("t=0.33333333333333", lua.load("return 't=' .. 1/3").call().tojstring());
        assertEquals("0.5,3.1415926535898", lua.load("return table.concat({0.5, math.pi}, ',')").call().tojstring());
        assertEquals("nan", eval("0/0"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "tonumber(' 0x10 ')|16", "tonumber('1\\n')|1", "tonumber(' 2 ')|2", "tonumber('1e')|nil", "tonumber('.5')|0.5",
        "tonumber('5.')|5", "tonumber('0x')|nil", "tonumber('- 1')|nil", "tonumber('-0x10')|-16", "tonumber('1e+2')|100",
        "tonumber('  10  ', 16)|16", "tonumber('ff', 16)|255", "tonumber('z', 36)|35", "tonumber('8', 8)|nil",
        "tonumber('', 10)|nil", "tonumber('')|nil", "tonumber('\\t5\\v')|5", "tonumber('1 2')|nil", "' 3 ' + 1|4",
        "tonumber('0x1p4')|16", "tonumber('1E2')|100", "'10\\n' * 2|20"})
    void stringsReadAsNumbersSkipCWhitespace(String expr, String value) {
        assertEquals(value, eval(expr));
    }
}

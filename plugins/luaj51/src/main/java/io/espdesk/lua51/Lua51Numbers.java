package io.espdesk.lua51;

/**
 * Lua 5.1's conversions between numbers and strings, which LuaJ's {@code LuaDouble.tojstring} and
 * {@code LuaString.scannumber} are redirected to at build time (see {@code build.PatchLuaj}).
 *
 * <p>Number to string is {@code %.14g} (LUAI_NUMFFORMAT). String to number follows {@code luaO_str2d}: C whitespace
 * around it, an optional sign, then a decimal number as strtod reads it or a hexadecimal one ({@code 0x1F}, also with
 * a fraction and a {@code p} exponent as glibc's strtod takes); nothing else may follow. With a base (tonumber(s, b)):
 * strtoul's digits of that base, whitespace around. NaN means "not a number" to LuaJ's callers.
 */
public final class Lua51Numbers {
    private Lua51Numbers() {
    }

    /** The text of a number as Lua 5.1 prints it. NaN is "nan" (glibc prints the sign bit: "-nan"; the firmware does not). */
    public static String toText(double v) {
        return CFloat.lua(v);
    }

    /** A string's number in base 10 (with 0x hexadecimal), or NaN. */
    public static double scan(byte[] b, int offset, int length) {
        int i = skipSpace(b, offset, offset + length);
        int end = trimSpace(b, i, offset + length);
        if (i >= end) {
            return Double.NaN;
        }
        boolean neg = false;
        int start = i;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            double h = hex(b, i + 2, end);
            return neg ? -h : h;
        }
        return decimal(b, start, end);
    }

    /** A string's number in {@code base} (2 to 36), or NaN; base 10 is {@link #scan(byte[], int, int)}. */
    public static double scan(byte[] b, int offset, int length, int base) {
        if (base == 10) {
            return scan(b, offset, length);
        }
        int i = skipSpace(b, offset, offset + length);
        int end = trimSpace(b, i, offset + length);
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= end) {
            return Double.NaN;
        }
        double x = 0;
        for (; i < end; i++) {
            int d = digit(b[i]);
            if (d < 0 || d >= base) {
                return Double.NaN;
            }
            x = x * base + d;
        }
        return neg ? -x : x;
    }

    private static double decimal(byte[] b, int i, int end) {
        int j = i;
        if (j < end && (b[j] == '-' || b[j] == '+')) {
            j++;
        }
        int digits = 0;
        while (j < end && b[j] >= '0' && b[j] <= '9') {
            j++;
            digits++;
        }
        if (j < end && b[j] == '.') {
            j++;
            while (j < end && b[j] >= '0' && b[j] <= '9') {
                j++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            j++;
            if (j < end && (b[j] == '-' || b[j] == '+')) {
                j++;
            }
            int ed = 0;
            while (j < end && b[j] >= '0' && b[j] <= '9') {
                j++;
                ed++;
            }
            if (ed == 0) {
                return Double.NaN;
            }
        }
        if (j != end) {
            return Double.NaN;
        }
        return Double.parseDouble(new String(b, i, end - i, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static double hex(byte[] b, int i, int end) {
        double x = 0;
        int digits = 0;
        int exp = 0;
        for (; i < end && digit(b[i]) >= 0 && digit(b[i]) < 16; i++, digits++) {
            x = x * 16 + digit(b[i]);
        }
        if (i < end && b[i] == '.') {
            for (i++; i < end && digit(b[i]) >= 0 && digit(b[i]) < 16; i++, digits++) {
                x = x * 16 + digit(b[i]);
                exp -= 4;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (b[i] == 'p' || b[i] == 'P')) {
            i++;
            boolean neg = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                neg = b[i] == '-';
                i++;
            }
            int e = 0;
            int ed = 0;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++, ed++) {
                e = Math.min(e * 10 + (b[i] - '0'), 100_000);
            }
            if (ed == 0) {
                return Double.NaN;
            }
            exp += neg ? -e : e;
        }
        return i == end ? x * Math.pow(2, exp) : Double.NaN;
    }

    private static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && space(b[i])) {
            i++;
        }
        return i;
    }

    private static int trimSpace(byte[] b, int start, int end) {
        while (end > start && space(b[end - 1])) {
            end--;
        }
        return end;
    }

    /** C's isspace in the "C" locale. */
    static boolean space(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
    }
}

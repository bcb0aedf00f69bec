package io.espdesk.lua51;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.format} as Lua 5.1's lstrlib has it, over C's printf conversions: flags {@code -+ #0}, width and
 * precision of up to two digits each, {@code %c %d %i %o %u %x %X %e %E %f %g %G %q %s %%}. LuaJ's own ignores
 * widths, precisions and flags. Integers are C {@code long} as on a 64-bit desktop Lua (the firmware's is 32 bits;
 * values past 2^31 are undefined there). Errors read as 5.1's: {@code bad argument #2 to 'format' (number expected,
 * got nil)}, {@code invalid option '%y' to 'format'}.
 */
public final class StringFormat extends VarArgFunction {
    private static final String FLAGS = "-+ #0";

    @Override
    public Varargs invoke(Varargs args) {
        LuaString fmt = Args.string(args, 1, "format");
        ByteArrayOutputStream out = new ByteArrayOutputStream(fmt.length() + 16);
        int arg = 1;
        int n = fmt.length();
        for (int i = 0; i < n; ) {
            int c = fmt.luaByte(i++);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i < n && fmt.luaByte(i) == '%') {
                out.write('%');
                i++;
                continue;
            }
            Spec spec = new Spec();
            int start = i;
            while (i < n && FLAGS.indexOf(fmt.luaByte(i)) >= 0) {
                i++;
            }
            if (i - start > FLAGS.length()) {
                throw new LuaError("invalid format (repeated flags)");
            }
            for (int k = start; k < i; k++) {
                spec.flag((char) fmt.luaByte(k));
            }
            int digits = 0;
            while (i < n && Character.isDigit(fmt.luaByte(i))) {
                spec.width = spec.width * 10 + fmt.luaByte(i++) - '0';
                digits++;
            }
            if (i < n && fmt.luaByte(i) == '.') {
                i++;
                spec.precision = 0;
                int pd = 0;
                while (i < n && Character.isDigit(fmt.luaByte(i))) {
                    spec.precision = spec.precision * 10 + fmt.luaByte(i++) - '0';
                    pd++;
                }
                digits = Math.max(digits, pd);
            }
            if (digits > 2) {
                throw new LuaError("invalid format (width or precision too long)");
            }
            if (i >= n) {
                throw new LuaError("invalid option '%' to 'format'");
            }
            char conv = (char) fmt.luaByte(i++);
            if (++arg > args.narg()) {
                throw Args.bad(arg, "format", "no value"); // 5.1's str_format says just this
            }
            write(out, spec, conv, args, arg);
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, Spec s, char conv, Varargs args, int arg) {
        switch (conv) {
            case 'c':
                s.zero = false;
                pad(out, s, new byte[] {(byte) (long) Args.number(args, arg, "format")});
                return;
            case 'd':
            case 'i':
                bytes(out, s, integer(s, (long) Args.number(args, arg, "format"), 10, false, false));
                return;
            case 'o':
                bytes(out, s, integer(s, (long) Args.number(args, arg, "format"), 8, true, false));
                return;
            case 'u':
                bytes(out, s, integer(s, (long) Args.number(args, arg, "format"), 10, true, false));
                return;
            case 'x':
            case 'X':
                bytes(out, s, integer(s, (long) Args.number(args, arg, "format"), 16, true, conv == 'X'));
                return;
            case 'e':
            case 'E':
                floating(out, s, CFloat.e(Args.number(args, arg, "format"), s.precision < 0 ? 6 : s.precision, conv == 'E', s.alt));
                return;
            case 'f':
                floating(out, s, CFloat.f(Args.number(args, arg, "format"), s.precision < 0 ? 6 : s.precision, false, s.alt));
                return;
            case 'g':
            case 'G':
                floating(out, s, CFloat.g(Args.number(args, arg, "format"), s.precision < 0 ? 6 : s.precision, conv == 'G', s.alt));
                return;
            case 'q':
                quoted(out, Args.string(args, arg, "format"));
                return;
            case 's': {
                LuaString str = Args.string(args, arg, "format");
                byte[] b = new byte[str.length()];
                str.copyInto(0, b, 0, b.length);
                if (s.precision < 0 && b.length >= 100) {
                    out.write(b, 0, b.length); // 5.1: a long string is added whole, width ignored
                    return;
                }
                if (s.precision >= 0 && s.precision < b.length) {
                    b = java.util.Arrays.copyOf(b, s.precision);
                }
                s.zero = false;
                pad(out, s, b);
                return;
            }
            default:
                throw new LuaError("invalid option '%" + conv + "' to 'format'");
        }
    }

    /** C's integer conversions: sign or prefix, at least {@code precision} digits, then the width. */
    private static String integer(Spec s, long v, int radix, boolean unsigned, boolean upper) {
        boolean neg = !unsigned && v < 0;
        String digits = unsigned ? Long.toUnsignedString(v, radix) : Long.toString(Math.abs(v), radix);
        if (v == Long.MIN_VALUE && !unsigned) {
            digits = "9223372036854775808";
        }
        if (upper) {
            digits = digits.toUpperCase();
        }
        if (s.precision == 0 && v == 0) {
            digits = "";
        }
        if (s.precision > digits.length()) {
            digits = "0".repeat(s.precision - digits.length()) + digits;
        }
        String prefix = neg ? "-" : !unsigned && s.plus ? "+" : !unsigned && s.space ? " " : "";
        if (s.alt && radix == 16 && v != 0) {
            prefix = upper ? "0X" : "0x";
        } else if (s.alt && radix == 8 && !digits.startsWith("0")) {
            digits = "0" + digits;
        }
        if (s.precision >= 0) {
            s.zero = false; // C: a precision turns the 0 flag off for integers
        }
        return zeroPad(s, prefix, digits);
    }

    private static void floating(ByteArrayOutputStream out, Spec s, String text) {
        String prefix = "";
        String body = text;
        if (body.startsWith("-")) {
            prefix = "-";
            body = body.substring(1);
        } else if (s.plus) {
            prefix = "+";
        } else if (s.space) {
            prefix = " ";
        }
        if (!Character.isDigit(body.charAt(0))) {
            s.zero = false; // inf and nan are padded with spaces
        }
        bytes(out, s, zeroPad(s, prefix, body));
    }

    private static String zeroPad(Spec s, String prefix, String digits) {
        int len = prefix.length() + digits.length();
        if (s.zero && !s.left && s.width > len) {
            return prefix + "0".repeat(s.width - len) + digits;
        }
        return prefix + digits;
    }

    private static void bytes(ByteArrayOutputStream out, Spec s, String text) {
        pad(out, s, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static void pad(ByteArrayOutputStream out, Spec s, byte[] b) {
        int fill = Math.max(0, s.width - b.length);
        if (!s.left) {
            for (int k = 0; k < fill; k++) {
                out.write(' ');
            }
        }
        out.write(b, 0, b.length);
        if (s.left) {
            for (int k = 0; k < fill; k++) {
                out.write(' ');
            }
        }
    }

    /** %q: between double quotes, with {@code " \ newline} escaped by a backslash, {@code \r} and {@code \0} spelled out. */
    private static void quoted(ByteArrayOutputStream out, LuaString s) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            int c = s.luaByte(i);
            switch (c) {
                case '"':
                case '\\':
                case '\n':
                    out.write('\\');
                    out.write(c);
                    break;
                case '\r':
                    out.write('\\');
                    out.write('r');
                    break;
                case 0:
                    out.write('\\');
                    out.write('0');
                    out.write('0');
                    out.write('0');
                    break;
                default:
                    out.write(c);
            }
        }
        out.write('"');
    }

    /** One conversion's flags, width and precision (-1: none given). */
    private static final class Spec {
        boolean left;
        boolean plus;
        boolean space;
        boolean alt;
        boolean zero;
        int width;
        int precision = -1;

        void flag(char c) {
            switch (c) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alt = true;
                default -> zero = true;
            }
        }
    }
}

package io.espdesk.lua51;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code %e}, {@code %f} and {@code %g} conversions of a double, digit for digit as glibc prints them (Lua 5.1
 * formats numbers with them): the exact binary value rounded half-even at the requested digit. Java's own
 * {@code String.format} differs ({@code %g} never strips zeros, exponents have no minimum of two digits).
 * Infinities and NaN are {@code inf}, {@code -inf}, {@code nan} (upper case for the upper-case conversions).
 */
public final class CFloat {
    private CFloat() {
    }

    /** {@code %.Pe}: one digit, point, P digits, exponent of at least two digits. */
    public static String e(double v, int precision, boolean upper, boolean alt) {
        if (!Double.isFinite(v)) {
            return special(v, upper);
        }
        String sign = negative(v) ? "-" : "";
        BigDecimal a = new BigDecimal(Math.abs(v));
        String digits;
        int exp;
        if (a.signum() == 0) {
            digits = "0".repeat(precision + 1);
            exp = 0;
        } else {
            BigDecimal r = a.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
            digits = pad(digits, precision + 1);
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (precision > 0 || alt) {
            sb.append('.');
        }
        sb.append(digits, 1, precision + 1);
        sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
        int ax = Math.abs(exp);
        if (ax < 10) {
            sb.append('0');
        }
        return sb.append(ax).toString();
    }

    /** {@code %.Pf}: the whole part, point, P digits. */
    public static String f(double v, int precision, boolean upper, boolean alt) {
        if (!Double.isFinite(v)) {
            return special(v, upper);
        }
        String sign = negative(v) ? "-" : "";
        String plain = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        if (precision == 0 && alt) {
            plain += ".";
        }
        return sign + plain;
    }

    /** {@code %.Pg}: %e or %f by the exponent, trailing zeros (and a bare point) removed unless {@code alt}. */
    public static String g(double v, int precision, boolean upper, boolean alt) {
        if (!Double.isFinite(v)) {
            return special(v, upper);
        }
        int p = precision == 0 ? 1 : precision;
        int x;
        if (v == 0) {
            x = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = r.precision() - 1 - r.scale();
        }
        String s = p > x && x >= -4 ? f(v, p - 1 - x, upper, alt) : e(v, p - 1, upper, alt);
        return alt ? s : stripZeros(s);
    }

    /** What Lua 5.1 prints for a number: {@code %.14g}. */
    public static String lua(double v) {
        return g(v, 14, false, false);
    }

    private static String stripZeros(String s) {
        int ePos = Math.max(s.indexOf('e'), s.indexOf('E'));
        String mant = ePos >= 0 ? s.substring(0, ePos) : s;
        String rest = ePos >= 0 ? s.substring(ePos) : "";
        if (mant.indexOf('.') >= 0) {
            int end = mant.length();
            while (mant.charAt(end - 1) == '0') {
                end--;
            }
            if (mant.charAt(end - 1) == '.') {
                end--;
            }
            mant = mant.substring(0, end);
        }
        return mant + rest;
    }

    private static String pad(String digits, int n) {
        return digits.length() >= n ? digits.substring(0, n) : digits + "0".repeat(n - digits.length());
    }

    private static boolean negative(double v) {
        return v < 0 || v == 0 && 1 / v < 0;
    }

    private static String special(double v, boolean upper) {
        String s = Double.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
        return upper ? s.toUpperCase() : s;
    }
}

package io.espdesk.lua51;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.1's pattern matching: {@code string.find}, {@code match}, {@code gmatch} and {@code gsub}, on bytes, with
 * 5.1's classes ({@code %z} included), frontier {@code %f[set]} (the end of the subject reads as byte 0, as C's
 * terminator does), position captures, back references and 5.1's errors. LuaJ's matcher throws
 * ArrayIndexOutOfBoundsException on a frontier at the end of the subject and gives gmatch's empty captures wrong
 * positions; this one follows 5.1's algorithm instead.
 */
public final class Patterns {
    private static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int MAX_DEPTH = 1000; // recursion of the matcher; past it "pattern too complex" instead of a JVM stack overflow
    private static final String SPECIALS = "^$*+?.([%-";

    private Patterns() {
    }

    /** The four functions, by name, for the string library table. */
    public static void install(LuaTable strings) {
        strings.rawset("find", new Find(true));
        strings.rawset("match", new Find(false));
        strings.rawset("gmatch", new Gmatch());
        strings.rawset("gsub", new Gsub());
    }

    private static final class Find extends VarArgFunction {
        private final boolean find;

        Find(boolean find) {
            this.find = find;
        }

        @Override
        public Varargs invoke(Varargs args) {
            String fname = find ? "find" : "match";
            LuaString s = Args.string(args, 1, fname);
            LuaString p = Args.string(args, 2, fname);
            int ls = s.length();
            int init = relative(args.isnoneornil(3) ? 1 : (int) Args.integer(args, 3, fname), ls) - 1;
            if (init < 0) {
                init = 0;
            } else if (init > ls) {
                init = ls; // 5.1 clamps; 5.2 returns nil
            }
            if (find && (args.toboolean(4) || noSpecials(p))) {
                int at = indexOf(s, p, init);
                return at < 0 ? NIL : varargsOf(valueOf(at + 1), valueOf(at + p.length()));
            }
            Matcher m = new Matcher(s, p);
            boolean anchor = p.length() > 0 && p.luaByte(0) == '^';
            int pi = anchor ? 1 : 0;
            int si = init;
            do {
                m.level = 0;
                m.depth = 0;
                int e = m.match(si, pi);
                if (e >= 0) {
                    if (find) {
                        return varargsOf(valueOf(si + 1), valueOf(e), m.captures(-1, 0, false));
                    }
                    return m.captures(si, e, true);
                }
                si++;
            } while (si <= ls && !anchor);
            return NIL;
        }
    }

    private static final class Gmatch extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaString s = Args.string(args, 1, "gmatch");
            LuaString p = Args.string(args, 2, "gmatch");
            return new VarArgFunction() {
                private int pos;

                @Override
                public Varargs invoke(Varargs none) {
                    Matcher m = new Matcher(s, p);
                    for (int src = pos; src <= s.length(); src++) {
                        m.level = 0;
                        m.depth = 0;
                        int e = m.match(src, 0); // 5.1: no anchor in gmatch
                        if (e >= 0) {
                            pos = e == src ? e + 1 : e; // an empty match moves on by one
                            return m.captures(src, e, true);
                        }
                    }
                    pos = s.length() + 1;
                    return NIL;
                }
            };
        }
    }

    private static final class Gsub extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaString s = Args.string(args, 1, "gsub");
            LuaString p = Args.string(args, 2, "gsub");
            LuaValue repl = args.arg(3);
            int type = repl.type();
            if (type != TNUMBER && type != TSTRING && type != TTABLE && type != TFUNCTION) {
                throw Args.bad(3, "gsub", "string/function/table expected");
            }
            int maxN = args.isnoneornil(4) ? s.length() + 1 : (int) Args.integer(args, 4, "gsub");
            boolean anchor = p.length() > 0 && p.luaByte(0) == '^';
            int pi = anchor ? 1 : 0;
            Matcher m = new Matcher(s, p);
            ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
            int src = 0;
            int n = 0;
            while (n < maxN) {
                m.level = 0;
                m.depth = 0;
                int e = m.match(src, pi);
                if (e >= 0) {
                    n++;
                    addValue(m, out, src, e, repl);
                }
                if (e >= 0 && e > src) {
                    src = e;
                } else if (src < s.length()) {
                    out.write(s.luaByte(src++));
                } else {
                    break;
                }
                if (anchor) {
                    break;
                }
            }
            for (int i = src; i < s.length(); i++) {
                out.write(s.luaByte(i));
            }
            return varargsOf(LuaString.valueUsing(out.toByteArray()), valueOf(n));
        }

        private static void addValue(Matcher m, ByteArrayOutputStream out, int s, int e, LuaValue repl) {
            LuaValue value;
            switch (repl.type()) {
                case TNUMBER:
                case TSTRING: {
                    LuaString r = repl.strvalue();
                    for (int i = 0; i < r.length(); i++) {
                        int c = r.luaByte(i);
                        if (c != '%') {
                            out.write(c);
                            continue;
                        }
                        i++;
                        int d = i < r.length() ? r.luaByte(i) : 0;
                        if (!Character.isDigit(d)) {
                            out.write(d); // %% and any other escaped character
                        } else if (d == '0') {
                            write(out, m.src, s, e);
                        } else {
                            LuaValue cap = m.capture(d - '1', s, e);
                            LuaString cs = cap.strvalue();
                            write(out, cs, 0, cs.length());
                        }
                    }
                    return;
                }
                case TTABLE:
                    value = repl.get(m.capture(0, s, e));
                    break;
                default:
                    value = repl.invoke(m.captures(s, e, true)).arg1();
                    break;
            }
            if (!value.toboolean()) {
                write(out, m.src, s, e); // nil or false: keep the original
            } else if (value.isstring()) {
                LuaString v = value.strvalue();
                write(out, v, 0, v.length());
            } else {
                throw new LuaError("invalid replacement value (a " + value.typename() + ")");
            }
        }
    }

    private static void write(ByteArrayOutputStream out, LuaString s, int from, int to) {
        for (int i = from; i < to; i++) {
            out.write(s.luaByte(i));
        }
    }

    private static int relative(int pos, int len) {
        return pos < 0 ? len + pos + 1 : pos;
    }

    private static boolean noSpecials(LuaString p) {
        for (int i = 0; i < p.length(); i++) {
            if (SPECIALS.indexOf(p.luaByte(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(LuaString s, LuaString p, int from) {
        int lp = p.length();
        outer:
        for (int i = from; i + lp <= s.length(); i++) {
            for (int j = 0; j < lp; j++) {
                if (s.luaByte(i + j) != p.luaByte(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One match attempt's state: the subject, the pattern, the captures so far. Indices are 0-based byte offsets. */
    private static final class Matcher {
        final LuaString src;
        final LuaString pat;
        final int[] capStart = new int[MAX_CAPTURES];
        final int[] capLen = new int[MAX_CAPTURES];
        int level;
        int depth;

        Matcher(LuaString src, LuaString pat) {
            this.src = src;
            this.pat = pat;
        }

        /** Matches from subject {@code s} and pattern {@code p}: the end of the match, or -1. */
        int match(int s, int p) {
            if (++depth > MAX_DEPTH) {
                throw new LuaError("pattern too complex");
            }
            try {
                while (true) {
                    if (p == pat.length()) {
                        return s;
                    }
                    int c = pat.luaByte(p);
                    switch (c) {
                        case '(':
                            if (p + 1 < pat.length() && pat.luaByte(p + 1) == ')') {
                                return startCapture(s, p + 2, CAP_POSITION);
                            }
                            return startCapture(s, p + 1, CAP_UNFINISHED);
                        case ')':
                            return endCapture(s, p + 1);
                        case '%':
                            if (p + 1 < pat.length()) {
                                int n = pat.luaByte(p + 1);
                                if (n == 'b') {
                                    s = balance(s, p + 2);
                                    if (s < 0) {
                                        return -1;
                                    }
                                    p += 4;
                                    continue;
                                }
                                if (n == 'f') {
                                    p += 2;
                                    if (p >= pat.length() || pat.luaByte(p) != '[') {
                                        throw new LuaError("missing '[' after '%f' in pattern");
                                    }
                                    int ep = classEnd(p);
                                    int prev = s == 0 ? 0 : src.luaByte(s - 1);
                                    int cur = s < src.length() ? src.luaByte(s) : 0;
                                    if (matchBracket(prev, p, ep - 1) || !matchBracket(cur, p, ep - 1)) {
                                        return -1;
                                    }
                                    p = ep;
                                    continue;
                                }
                                if (Character.isDigit(n)) {
                                    s = backReference(s, n);
                                    if (s < 0) {
                                        return -1;
                                    }
                                    p += 2;
                                    continue;
                                }
                            }
                            break;
                        case '$':
                            if (p + 1 == pat.length()) {
                                return s == src.length() ? s : -1;
                            }
                            break;
                        default:
                            break;
                    }
                    int ep = classEnd(p);
                    boolean m = s < src.length() && singleMatch(src.luaByte(s), p, ep);
                    int next = ep < pat.length() ? pat.luaByte(ep) : 0;
                    switch (next) {
                        case '?': {
                            if (m) {
                                int r = match(s + 1, ep + 1);
                                if (r >= 0) {
                                    return r;
                                }
                            }
                            p = ep + 1;
                            continue;
                        }
                        case '*':
                            return maxExpand(s, p, ep);
                        case '+':
                            return m ? maxExpand(s + 1, p, ep) : -1;
                        case '-':
                            return minExpand(s, p, ep);
                        default:
                            if (!m) {
                                return -1;
                            }
                            s++;
                            p = ep;
                    }
                }
            } finally {
                depth--;
            }
        }

        private int maxExpand(int s, int p, int ep) {
            int i = 0;
            while (s + i < src.length() && singleMatch(src.luaByte(s + i), p, ep)) {
                i++;
            }
            while (i >= 0) {
                int r = match(s + i, ep + 1);
                if (r >= 0) {
                    return r;
                }
                i--;
            }
            return -1;
        }

        private int minExpand(int s, int p, int ep) {
            while (true) {
                int r = match(s, ep + 1);
                if (r >= 0) {
                    return r;
                }
                if (s < src.length() && singleMatch(src.luaByte(s), p, ep)) {
                    s++;
                } else {
                    return -1;
                }
            }
        }

        private int startCapture(int s, int p, int what) {
            if (level >= MAX_CAPTURES) {
                throw new LuaError("too many captures");
            }
            capStart[level] = s;
            capLen[level] = what;
            level++;
            int r = match(s, p);
            if (r < 0) {
                level--;
            }
            return r;
        }

        private int endCapture(int s, int p) {
            int l = openCapture();
            capLen[l] = s - capStart[l];
            int r = match(s, p);
            if (r < 0) {
                capLen[l] = CAP_UNFINISHED;
            }
            return r;
        }

        private int openCapture() {
            for (int l = level - 1; l >= 0; l--) {
                if (capLen[l] == CAP_UNFINISHED) {
                    return l;
                }
            }
            throw new LuaError("invalid pattern capture");
        }

        private int backReference(int s, int digit) {
            int l = digit - '1';
            if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) {
                throw new LuaError("invalid capture index");
            }
            int len = capLen[l];
            if (src.length() - s < len) {
                return -1;
            }
            for (int i = 0; i < len; i++) {
                if (src.luaByte(capStart[l] + i) != src.luaByte(s + i)) {
                    return -1;
                }
            }
            return s + len;
        }

        private int balance(int s, int p) {
            if (p + 1 >= pat.length()) {
                throw new LuaError("unbalanced pattern");
            }
            if (s >= src.length() || src.luaByte(s) != pat.luaByte(p)) {
                return -1;
            }
            int open = pat.luaByte(p);
            int close = pat.luaByte(p + 1);
            int cont = 1;
            for (int i = s + 1; i < src.length(); i++) {
                int c = src.luaByte(i);
                if (c == close) {
                    if (--cont == 0) {
                        return i + 1;
                    }
                } else if (c == open) {
                    cont++;
                }
            }
            return -1;
        }

        /** Where the single-character class at {@code p} ends. */
        private int classEnd(int p) {
            int c = pat.luaByte(p++);
            if (c == '%') {
                if (p >= pat.length()) {
                    throw new LuaError("malformed pattern (ends with '%')");
                }
                return p + 1;
            }
            if (c == '[') {
                if (p < pat.length() && pat.luaByte(p) == '^') {
                    p++;
                }
                do { // the first character after [ or [^ is never the closing ]
                    if (p >= pat.length()) {
                        throw new LuaError("malformed pattern (missing ']')");
                    }
                    int cc = pat.luaByte(p++);
                    if (cc == '%') {
                        if (p >= pat.length()) {
                            throw new LuaError("malformed pattern (missing ']')");
                        }
                        p++;
                    }
                } while (p >= pat.length() || pat.luaByte(p) != ']');
                return p + 1;
            }
            return p;
        }

        private boolean singleMatch(int c, int p, int ep) {
            int pc = pat.luaByte(p);
            switch (pc) {
                case '.':
                    return true;
                case '%':
                    return classMatch(c, pat.luaByte(p + 1));
                case '[':
                    return matchBracket(c, p, ep - 1);
                default:
                    return pc == c;
            }
        }

        /** {@code [set]} from {@code p} (the '[') to {@code ec} (the ']'). */
        private boolean matchBracket(int c, int p, int ec) {
            boolean sig = true;
            if (pat.luaByte(p + 1) == '^') {
                sig = false;
                p++;
            }
            while (++p < ec) {
                int pc = pat.luaByte(p);
                if (pc == '%') {
                    p++;
                    if (classMatch(c, pat.luaByte(p))) {
                        return sig;
                    }
                } else if (p + 2 < ec && pat.luaByte(p + 1) == '-') {
                    if (pc <= c && c <= pat.luaByte(p + 2)) {
                        return sig;
                    }
                    p += 2;
                } else if (pc == c) {
                    return sig;
                }
            }
            return !sig;
        }

        /** Captures as results: the whole match when there are none and {@code wholeIfNone}. */
        Varargs captures(int s, int e, boolean wholeIfNone) {
            int n = level == 0 && wholeIfNone ? 1 : level;
            LuaValue[] v = new LuaValue[n];
            for (int i = 0; i < n; i++) {
                v[i] = capture(i, s, e);
            }
            return LuaValue.varargsOf(v);
        }

        LuaValue capture(int i, int s, int e) {
            if (i >= level) {
                if (i == 0) {
                    return src.substring(s, e); // no captures: the whole match
                }
                throw new LuaError("invalid capture index");
            }
            int len = capLen[i];
            if (len == CAP_UNFINISHED) {
                throw new LuaError("unfinished capture");
            }
            if (len == CAP_POSITION) {
                return LuaValue.valueOf(capStart[i] + 1);
            }
            return src.substring(capStart[i], capStart[i] + len);
        }
    }

    /** C's ctype classes in the "C" locale; upper case is the complement. */
    static boolean classMatch(int c, int cl) {
        boolean r;
        switch (Character.toLowerCase(cl)) {
            case 'a' -> r = isAlpha(c);
            case 'c' -> r = c < 32 || c == 127;
            case 'd' -> r = c >= '0' && c <= '9';
            case 'l' -> r = c >= 'a' && c <= 'z';
            case 'p' -> r = c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
            case 's' -> r = c == ' ' || c >= 9 && c <= 13;
            case 'u' -> r = c >= 'A' && c <= 'Z';
            case 'w' -> r = isAlpha(c) || c >= '0' && c <= '9';
            case 'x' -> r = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            case 'z' -> r = c == 0;
            default -> {
                return cl == c;
            }
        }
        return Character.isUpperCase(cl) ? !r : r;
    }

    private static boolean isAlpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

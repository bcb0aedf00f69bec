package io.espdesk.nodemcu.lua;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The string library, built once: a frozen copy behind the JVM-wide string metatable (so {@code s:upper()} works
 * and no board can change it for another), and fresh writable copies as each board's {@code string} global.
 * {@code string.dump} is gone (no bytecode in or out), {@code string.rep} respects the board's RAM, and
 * {@code string.format} and the pattern functions (find, match, gmatch, gsub) are Lua 5.1's.
 */
public final class SharedStrings {
    /** Roughly the free heap of a 1.5 firmware ESP8266: no single string can be larger. */
    public static final int MAX_STRING = 40 * 1024;

    private static final LuaTable FROZEN_LIB;
    private static final LuaTable META;

    static {
        LuaTable env = new LuaTable();
        LuaTable pkg = new LuaTable();
        pkg.set("loaded", new LuaTable());
        env.set("package", pkg);
        LuaTable lib = (LuaTable) new StringLib().call(LuaValue.valueOf("string"), env);
        FrozenTable frozen = new FrozenTable();
        for (LuaValue k = lib.next(LuaValue.NIL).arg1(); !k.isnil(); k = lib.next(k).arg1()) {
            frozen.rawset(k, lib.get(k));
        }
        frozen.rawset(LuaValue.valueOf("dump"), LuaValue.NIL);
        frozen.rawset(LuaValue.valueOf("rep"), new Rep());
        frozen.rawset(LuaValue.valueOf("upper"), new AsciiCase(true));
        frozen.rawset(LuaValue.valueOf("lower"), new AsciiCase(false));
        frozen.rawset(LuaValue.valueOf("format"), new io.espdesk.lua51.StringFormat());
        io.espdesk.lua51.Patterns.install(frozen);
        FROZEN_LIB = frozen.freeze();
        FrozenTable meta = new FrozenTable();
        meta.rawset(LuaValue.INDEX, FROZEN_LIB);
        meta.rawset(LuaValue.METATABLE, LuaValue.FALSE);
        META = meta.freeze();
        LuaString.s_metatable = META;
    }

    private SharedStrings() {
    }

    /** Re-asserts the shared metatable (another LuaJ user in the same JVM may have replaced it) and returns a board copy. */
    public static LuaTable boardCopy() {
        LuaString.s_metatable = META;
        LuaTable t = new LuaTable();
        for (LuaValue k = FROZEN_LIB.next(LuaValue.NIL).arg1(); !k.isnil(); k = FROZEN_LIB.next(k).arg1()) {
            t.rawset(k, FROZEN_LIB.get(k));
        }
        return t;
    }

    /**
     * string.upper/lower on bytes, as C's toupper/tolower in the firmware's "C" locale: only a-z/A-Z change. LuaJ's
     * own versions go through Java strings and turn bytes 0x80-0xff into several bytes.
     */
    static final class AsciiCase extends VarArgFunction {
        private final boolean upper;

        AsciiCase(boolean upper) {
            this.upper = upper;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString s = args.checkstring(1);
            byte[] b = new byte[s.length()];
            s.copyInto(0, b, 0, b.length);
            for (int i = 0; i < b.length; i++) {
                if (upper && b[i] >= 'a' && b[i] <= 'z') {
                    b[i] -= 32;
                } else if (!upper && b[i] >= 'A' && b[i] <= 'Z') {
                    b[i] += 32;
                }
            }
            return LuaString.valueUsing(b);
        }
    }

    /** string.rep(s, n [, sep]) that fails like the firmware when the result cannot fit in RAM. */
    static final class Rep extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaString s = args.checkstring(1);
            int n = args.checkint(2);
            LuaString sep = args.optstring(3, LuaValue.EMPTYSTRING);
            if (n <= 0) {
                return LuaValue.EMPTYSTRING;
            }
            long size = (long) s.length() * n + (long) sep.length() * (n - 1);
            if (size > MAX_STRING) {
                throw new org.luaj.vm2.LuaError("not enough memory");
            }
            byte[] out = new byte[(int) size];
            int p = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sep.copyInto(0, out, p, sep.length());
                    p += sep.length();
                }
                s.copyInto(0, out, p, s.length());
                p += s.length();
            }
            return LuaString.valueUsing(out);
        }
    }
}

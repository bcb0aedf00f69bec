package io.espdesk.nodemcu.modules;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** bit: 32-bit operations on integers, as the firmware's integer build computes them. */
public final class BitModule extends Module {
    public BitModule(LuaBoard lua) {
        super(lua, "bit");
    }

    private static int i(Varargs a, int n) {
        return (int) (long) a.checkdouble(n);
    }

    private static LuaValue v(int x) {
        return LuaValue.valueOf(x);
    }

    @Override
    protected void build(LuaTable t) {
        put(t, "bnot", a -> v(~i(a, 1)));
        put(t, "band", a -> {
            int r = i(a, 1);
            for (int k = 2; k <= a.narg(); k++) {
                r &= i(a, k);
            }
            return v(r);
        });
        put(t, "bor", a -> {
            int r = i(a, 1);
            for (int k = 2; k <= a.narg(); k++) {
                r |= i(a, k);
            }
            return v(r);
        });
        put(t, "bxor", a -> {
            int r = i(a, 1);
            for (int k = 2; k <= a.narg(); k++) {
                r ^= i(a, k);
            }
            return v(r);
        });
        put(t, "lshift", a -> v(i(a, 1) << i(a, 2)));
        put(t, "rshift", a -> v(i(a, 1) >>> i(a, 2)));
        put(t, "arshift", a -> v(i(a, 1) >> i(a, 2)));
        put(t, "bit", a -> v(1 << i(a, 1)));
        put(t, "set", a -> {
            int r = i(a, 1);
            for (int k = 2; k <= a.narg(); k++) {
                r |= 1 << i(a, k);
            }
            return v(r);
        });
        put(t, "clear", a -> {
            int r = i(a, 1);
            for (int k = 2; k <= a.narg(); k++) {
                r &= ~(1 << i(a, k));
            }
            return v(r);
        });
        put(t, "isset", a -> LuaValue.valueOf((i(a, 1) & (1 << i(a, 2))) != 0));
        put(t, "isclear", a -> LuaValue.valueOf((i(a, 1) & (1 << i(a, 2))) == 0));
    }
}

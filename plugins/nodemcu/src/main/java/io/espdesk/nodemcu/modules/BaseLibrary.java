package io.espdesk.nodemcu.modules;

import io.espdesk.nodemcu.lua.LuaErrors;
import io.espdesk.sim.engine.Board;
import java.util.Random;
import java.util.WeakHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The firmware's base library over the bare VM: print and tostring to UART0 (deterministic addresses, whole numbers
 * without ".0"), dofile and loadfile from the board's flash with the firmware's error names, collectgarbage's
 * count, and math.random seeded by the simulation's seed and the board's name (same seed, same numbers).
 */
final class BaseLibrary {
    private BaseLibrary() {
    }

    static void install(Globals g, LuaBoard lua, Interpreter interpreter) {
        Board board = lua.board();
        WeakHashMap<LuaValue, Integer> ids = new WeakHashMap<>();
        LuaValue tostring = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue v = a.checkvalue(1);
                LuaValue meta = v.getmetatable();
                if (meta != null && !v.isstring() && !meta.rawget(LuaValue.valueOf("__tostring")).isnil()) {
                    return meta.rawget(LuaValue.valueOf("__tostring")).call(v); // 5.1 returns what it returns, nil too
                }
                return valueOf(text(v, ids));
            }
        };
        g.set("tostring", tostring);
        g.set("dofile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                String name = a.checkjstring(1);
                return lua.compile(name).invoke();
            }
        });
        g.set("loadfile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                try {
                    return lua.compile(a.checkjstring(1));
                } catch (LuaError e) {
                    return varargsOf(NIL, valueOf(LuaErrors.text(e)));
                }
            }
        });
        g.set("print", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= a.narg(); i++) {
                    if (i > 1) {
                        sb.append('\t');
                    }
                    sb.append(text(a.arg(i), ids));
                }
                interpreter.out(sb.append('\n').toString());
                return NONE;
            }
        });
        g.set("collectgarbage", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                String opt = a.optjstring(1, "collect");
                switch (opt) {
                    case "count":
                        return valueOf(lua.heap().used() / 1024.0); // the same estimate as node.heap()
                    case "step":
                        return FALSE; // 5.1: whether a cycle finished
                    case "collect":
                    case "stop":
                    case "restart":
                    case "setpause":
                    case "setstepmul":
                        return valueOf(0);
                    default:
                        throw new LuaError("bad argument #1 to 'collectgarbage' (invalid option '" + opt + "')");
                }
            }
        });
        Random rng = new Random(board.world().seed() * 1_000_003L + board.name().hashCode());
        LuaValue math = g.get("math");
        math.set("random", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                switch (a.narg()) {
                    case 0:
                        return valueOf(rng.nextDouble());
                    case 1: {
                        int m = a.checkint(1);
                        if (m < 1) {
                            argerror(1, "interval is empty");
                        }
                        return valueOf(1 + rng.nextInt(m));
                    }
                    default: {
                        int m = a.checkint(1);
                        int n = a.checkint(2);
                        if (n < m) {
                            argerror(2, "interval is empty");
                        }
                        return valueOf(m + rng.nextInt(n - m + 1));
                    }
                }
            }
        });
        math.set("randomseed", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                rng.setSeed(a.checklong(1));
                return NONE;
            }
        });
    }

    /** tostring() with addresses that depend only on the order objects were first printed: same run, same bytes. */
    static String text(LuaValue v, WeakHashMap<LuaValue, Integer> ids) {
        LuaValue meta = v.getmetatable();
        if (meta != null && !v.isstring()) {
            LuaValue ts = meta.rawget(LuaValue.valueOf("__tostring"));
            if (!ts.isnil()) {
                LuaValue s = ts.call(v);
                if (!s.isstring()) {
                    throw new LuaError("'tostring' must return a string to 'print'");
                }
                return s.tojstring();
            }
        }
        switch (v.type()) {
            case LuaValue.TTABLE:
            case LuaValue.TFUNCTION:
            case LuaValue.TUSERDATA:
            case LuaValue.TTHREAD:
            case LuaValue.TLIGHTUSERDATA: {
                Integer id = ids.computeIfAbsent(v, k -> ids.size() + 1);
                return v.typename() + ": 0x" + Integer.toHexString(0x3fff0000 + 16 * id);
            }
            case LuaValue.TNUMBER: {
                double d = v.todouble();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return Long.toString((long) d);
                }
                return v.tojstring();
            }
            default:
                return v.tojstring();
        }
    }
}

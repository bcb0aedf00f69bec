package io.espdesk.nodemcu.lua;

import io.espdesk.sim.engine.Board;
import io.espdesk.nodemcu.modules.BitModule;
import io.espdesk.nodemcu.modules.FileModule;
import io.espdesk.nodemcu.modules.GpioModule;
import io.espdesk.nodemcu.modules.Interpreter;
import io.espdesk.nodemcu.modules.NetModule;
import io.espdesk.nodemcu.modules.NodeModule;
import io.espdesk.nodemcu.modules.SjsonModule;
import io.espdesk.nodemcu.modules.TmrModule;
import io.espdesk.nodemcu.modules.UartModule;
import io.espdesk.nodemcu.modules.WifiModule;
import java.io.InputStream;
import java.util.Random;
import java.util.WeakHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Builds one board's Lua state: the Lua 5.1 base the firmware has, the NodeMCU modules of the board's profile,
 * and nothing else. No io, os, luajava or debug; no binary chunks in or out; dofile/require/loadfile read only the
 * board's flash; the string metatable is frozen and shared; print, tostring and math.random are deterministic.
 */
public final class Sandbox {
    private Sandbox() {
    }

    public static Globals create(Board board, WatchdogHook hook) {
        Globals g = new Globals();
        g.load(new BaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        LuaTable strings = SharedStrings.boardCopy();
        g.set("string", strings);
        g.get("package").get("loaded").set("string", strings);
        g.load(hook);
        LoadState.install(g);
        LuaC.install(g);
        g.undumper = Sandbox::refuseBinary;
        g.finder = board.flash(); // after BaseLib, which installs itself as the finder (the host file system)
        lockDown(g);
        g.running.errorfunc = LuaErrors.fixer();
        Interpreter interpreter = new Interpreter(board);
        installBase(g, board, interpreter);
        g.load(new TmrModule(board));
        g.load(new NodeModule(board, interpreter));
        g.load(new WifiModule(board));
        g.load(new NetModule(board));
        g.load(new UartModule(board, interpreter));
        g.load(new FileModule(board));
        g.load(new GpioModule(board));
        g.load(new SjsonModule(board, "sjson"));
        g.load(new BitModule(board));
        if (board.world().profile().legacy()) {
            g.load(new SjsonModule(board, "cjson"));
        }
        return g;
    }

    /** Binary chunks (string.dump output, luac files) could break out of the VM's checks: refused with a clear error. */
    private static org.luaj.vm2.Prototype refuseBinary(InputStream stream, String chunkname) throws java.io.IOException {
        int b = stream.read();
        if (b == 0x1B) {
            throw new LuaError("attempt to load a binary chunk (" + chunkname + "): the simulated board runs Lua source only");
        }
        return null; // Globals resets the stream and compiles the text
    }

    private static void lockDown(Globals g) {
        g.set("debug", LuaValue.NIL);
        LuaValue pkg = g.get("package");
        LuaValue loaded = pkg.get("loaded");
        loaded.set("debug", LuaValue.NIL);
        pkg.set("loadlib", LuaValue.NIL);
        pkg.set("cpath", LuaValue.NIL);
        pkg.set("path", "?.lua;?.lc");
        LuaValue searchers = pkg.get("searchers");
        LuaTable onlyFlash = new LuaTable();
        onlyFlash.set(1, searchers.get(1)); // preload
        onlyFlash.set(2, searchers.get(2)); // Lua files, through the board's flash
        pkg.set("searchers", onlyFlash);
        pkg.set("loaders", onlyFlash);
    }

    private static void installBase(Globals g, Board board, Interpreter interpreter) {
        WeakHashMap<LuaValue, Integer> ids = new WeakHashMap<>();
        LuaValue tostring = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return valueOf(text(a.checkvalue(1), ids));
            }
        };
        g.set("tostring", tostring);
        g.set("dofile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                String name = a.checkjstring(1);
                return compile(g, board, name).invoke();
            }
        });
        g.set("loadfile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                try {
                    return compile(g, board, a.checkjstring(1));
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
                return "count".equals(opt) ? valueOf(24.0 + 0.5 * board.world().tcp().openCount(board)) : valueOf(0);
            }
        });
        LuaValue luajXpcall = g.get("xpcall");
        g.set("xpcall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue handler = a.arg(2);
                LuaValue fixing = new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs m) {
                        LuaValue msg = m.arg1();
                        return handler.invoke(msg.isstring() ? valueOf(LuaErrors.fix(msg.tojstring())) : msg);
                    }
                };
                return luajXpcall.invoke(varargsOf(a.arg1(), fixing, a.subargs(3)));
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
        // Lua 5.1 names the firmware's scripts use; LuaJ implements 5.2
        g.set("unpack", g.get("table").get("unpack"));
        LuaValue load = g.get("load");
        g.set("loadstring", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return load.invoke(varargsOf(a.checkstring(1), a.optvalue(2, valueOf("=(load)")), valueOf("t")));
            }
        });
        g.get("table").set("getn", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return valueOf(a.checktable(1).length());
            }
        });
        math.set("pow", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return valueOf(Math.pow(a.checkdouble(1), a.checkdouble(2)));
            }
        });
        math.set("mod", math.get("fmod"));
        g.get("string").set("gfind", g.get("string").get("gmatch"));
        g.set("_VERSION", LuaValue.valueOf("Lua 5.1"));
    }

    /**
     * Compiles a file of the board's flash as the firmware names it in errors ({@code init.lua:3: ...}). LuaJ's own
     * loadfile would wrap a syntax error as "load init.lua: org.luaj.vm2.LuaError: ...".
     */
    public static LuaValue compile(Globals g, Board board, String name) {
        byte[] src = board.flash().read(name);
        if (src == null) {
            throw new LuaError("cannot open " + name);
        }
        return g.load(new java.io.ByteArrayInputStream(src), "@" + name, "t", g);
    }

    /** tostring() with addresses that depend only on the order objects were first printed: same run, same bytes. */
    static String text(LuaValue v, WeakHashMap<LuaValue, Integer> ids) {
        LuaValue meta = v.getmetatable();
        if (meta != null && !v.isstring()) {
            LuaValue ts = meta.rawget(LuaValue.valueOf("__tostring"));
            if (!ts.isnil()) {
                return ts.call(v).tojstring();
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

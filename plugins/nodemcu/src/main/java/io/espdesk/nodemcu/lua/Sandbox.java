package io.espdesk.nodemcu.lua;

import java.io.InputStream;
import java.util.function.Function;
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
 * The Lua VM as a board has it, locked down: the Lua 5.1 core (base, package, table, coroutine, math, string) and
 * nothing else. No io, os, luajava or debug; no binary chunks in or out; dofile/require/loadfile read only the
 * board's files; the string metatable is frozen and shared. Knows nothing of boards or modules: the firmware's
 * base library and modules go on top.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * A locked-down Lua 5.1 state whose files (dofile, require, loadfile) are {@code files}' and nothing else; the
     * firmware adds its base library and modules on top.
     *
     * @param files the board's flash: a file's bytes by name, or null
     */
    public static Globals create(Function<String, byte[]> files, WatchdogHook hook) {
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
        g.finder = name -> { // after BaseLibrary, which installs itself as the finder (the host file system)
            byte[] b = files.apply(name);
            return b == null ? null : new java.io.ByteArrayInputStream(b);
        };
        lockDown(g);
        g.running.errorfunc = LuaErrors.fixer(hook);
        coroutinesFixErrors(g, g.running.errorfunc);
        io.espdesk.lua51.BaseLib51.install(g, hook, g.running.errorfunc);
        g.set("debug", io.espdesk.lua51.DebugSubset.create(hook)); // traceback and getinfo only
        g.get("package").get("loaded").set("debug", g.get("debug"));
        return g;
    }

    /**
     * A coroutine is a LuaThread of its own, whose error function LuaJ leaves empty: coroutine.create and wrap give
     * each the main thread's fixer, so errors inside read as 5.1's there too.
     */
    private static void coroutinesFixErrors(Globals g, LuaValue fixer) {
        LuaValue co = g.get("coroutine");
        LuaValue create = co.get("create");
        LuaValue resume = co.get("resume");
        co.set("create", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue t = create.call(a.arg1());
                ((org.luaj.vm2.LuaThread) t).errorfunc = fixer;
                return t;
            }
        });
        co.set("wrap", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue t = co.get("create").call(a.checkfunction(1));
                return new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs args) {
                        Varargs r = resume.invoke(varargsOf(t, args));
                        if (!r.arg1().toboolean()) {
                            throw new LuaError(r.arg(2)); // 5.1: wrap raises the coroutine's error as it is
                        }
                        return r.subargs(2);
                    }
                };
            }
        });
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

    /**
     * Compiles a file of the board's flash as the firmware names it in errors ({@code init.lua:3: ...}). LuaJ's own
     * loadfile would wrap a syntax error as "load init.lua: org.luaj.vm2.LuaError: ...".
     */
    public static LuaValue compile(Globals g, Function<String, byte[]> files, String name) {
        byte[] src = files.apply(name);
        if (src == null) {
            throw new LuaError("cannot open " + name);
        }
        return g.load(new java.io.ByteArrayInputStream(src), "@" + name, "t", g);
    }
}

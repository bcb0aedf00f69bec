package io.espdesk.lua51;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The parts of Lua 5.1's base, table and math libraries that LuaJ (5.2) lacks or does differently, over a
 * {@link CallStack}: {@code error} with 5.1's levels (level 0 adds no position, level 2 the caller's, a non-string is
 * raised as it is), {@code pcall} and {@code xpcall} that also catch a stack overflow, {@code getfenv}/
 * {@code setfenv} (a function's environment is its {@code _ENV} upvalue in LuaJ), {@code module} and
 * {@code package.seeall}, {@code newproxy}, {@code gcinfo}, {@code unpack} with a nil end, {@code table.foreach},
 * {@code foreachi}, {@code maxn}, {@code math.log10}, and the 5.1 names {@code loadstring}, {@code table.getn},
 * {@code math.pow}, {@code math.mod}, {@code string.gfind}.
 */
public final class BaseLib51 {
    private BaseLib51() {
    }

    /** @param fixer the firmware's error-text fixer, which an xpcall handler sees the message through */
    public static void install(Globals g, CallStack stack, LuaValue fixer) {
        // a function that uses no global has no _ENV upvalue to change: its environment is remembered here
        java.util.Map<LuaClosure, LuaTable> envOf = new java.util.WeakHashMap<>();
        g.set("error", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue msg = a.arg1();
                int level = a.optint(2, 1);
                if (msg.isstring() && level > 0) {
                    // level 1: the function that called error; 2: its caller (a Java caller such as pcall has no position)
                    CallStack.Frames f = stack.frames();
                    LuaFunction at = f.function(level - 1);
                    if (at instanceof LuaClosure) {
                        msg = valueOf(where((LuaClosure) at, stack.pc(level - 1)) + msg.tojstring());
                    }
                }
                throw new LuaError(msg);
            }
        });
        VarArgFunction pcall = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue fn = a.checkvalue(1);
                stack.enterJava(this);
                int depth = stack.frames().depth();
                try {
                    return varargsOf(TRUE, fn.invoke(a.subargs(2)));
                } catch (LuaError e) {
                    LuaValue m = e.getMessageObject();
                    return varargsOf(FALSE, m != null ? m : NIL);
                } catch (StackOverflowError e) {
                    return varargsOf(FALSE, valueOf("stack overflow")); // the JVM's stack ran out before MAX_CALLS
                } finally {
                    stack.frames().unwindTo(depth);
                    stack.leaveJava();
                }
            }
        };
        g.set("pcall", pcall);
        g.set("xpcall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue handler = a.checkfunction(2);
                LuaValue[] result = {null};
                org.luaj.vm2.LuaThread t = g.running;
                LuaValue previous = t.errorfunc;
                // LuaJ calls the thread's error function where the error happens (inside a Lua function only):
                // the handler sees the fixed message there, and what it returns is kept, whatever its type
                t.errorfunc = new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs m) {
                        result[0] = handler.call(fixer.call(m.arg1()));
                        return result[0].isstring() ? result[0] : valueOf(result[0].tojstring());
                    }
                };
                stack.enterJava(this);
                int depth = stack.frames().depth();
                try {
                    return varargsOf(TRUE, a.arg1().invoke(a.subargs(3)));
                } catch (LuaError e) {
                    LuaValue raised = e.getMessageObject();
                    if (result[0] != null && org.luaj.vm2.Lua51Errors.handled(e) && (raised == null || raised.isstring())) {
                        return varargsOf(FALSE, result[0]);
                    }
                    // an error from a Java function, or a non-string error (LuaJ's hook saw only its text): the
                    // handler gets the value itself, after the fact
                    return varargsOf(FALSE, handle(handler, fixer.call(e.getMessageObject() != null ? e.getMessageObject() : NIL)));
                } catch (StackOverflowError e) {
                    return varargsOf(FALSE, handle(handler, valueOf("stack overflow")));
                } finally {
                    t.errorfunc = previous;
                    stack.frames().unwindTo(depth);
                    stack.leaveJava();
                }
            }
        });
        g.set("getfenv", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                if (a.arg1().isnumber() && a.arg1().toint() == 0) {
                    return g; // level 0: the global environment
                }
                LuaValue f = function(a.arg1().isnil() ? valueOf(1) : a.arg1(), stack, "getfenv");
                if (f instanceof LuaClosure) {
                    int i = envIndex((LuaClosure) f);
                    if (i >= 0) {
                        return ((LuaClosure) f).upValues[i].getValue();
                    }
                    LuaTable remembered = envOf.get(f);
                    if (remembered != null) {
                        return remembered;
                    }
                }
                return g;
            }
        });
        g.set("setfenv", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable env = a.checktable(2);
                if (a.arg1().isnumber() && a.arg1().toint() == 0) {
                    throw new LuaError("setfenv(0, t) is not supported on the simulated board (LuaJ has no per-thread environment)");
                }
                LuaValue f = function(a.arg1(), stack, "setfenv");
                if (!(f instanceof LuaClosure)) {
                    throw new LuaError("'setfenv' cannot change environment of given object");
                }
                if (!setEnv((LuaClosure) f, env)) {
                    envOf.put((LuaClosure) f, env);
                }
                return f;
            }
        });
        g.set("newproxy", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue arg = a.arg1();
                LuaUserdata u = new LuaUserdata(new Object());
                if (arg.toboolean()) {
                    u.setmetatable(arg.isuserdata() ? arg.getmetatable() : new LuaTable());
                }
                return u;
            }
        });
        g.set("gcinfo", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return valueOf(g.get("collectgarbage").call(valueOf("count")).toint()); // whatever the firmware counts
            }
        });
        g.set("unpack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable t = a.checktable(1);
                int i = a.isnoneornil(2) ? 1 : a.checkint(2);
                int j = a.isnoneornil(3) ? t.length() : a.checkint(3);
                if (i > j) {
                    return NONE;
                }
                if ((long) j - i >= 8000) {
                    throw new LuaError("too many results to unpack");
                }
                LuaValue[] v = new LuaValue[j - i + 1];
                for (int k = i; k <= j; k++) {
                    v[k - i] = t.get(k);
                }
                return varargsOf(v);
            }
        });
        LuaValue table = g.get("table");
        table.set("foreach", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable t = a.checktable(1);
                LuaFunction f = a.checkfunction(2);
                for (Varargs n = t.next(NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
                    LuaValue r = f.call(n.arg1(), n.arg(2));
                    if (!r.isnil()) {
                        return r;
                    }
                }
                return NIL;
            }
        });
        table.set("foreachi", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable t = a.checktable(1);
                LuaFunction f = a.checkfunction(2);
                for (int i = 1, n = t.length(); i <= n; i++) {
                    LuaValue r = f.call(valueOf(i), t.get(i));
                    if (!r.isnil()) {
                        return r;
                    }
                }
                return NIL;
            }
        });
        table.set("maxn", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable t = a.checktable(1);
                double max = 0;
                for (Varargs n = t.next(NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
                    if (n.arg1().type() == TNUMBER && n.arg1().todouble() > max) {
                        max = n.arg1().todouble();
                    }
                }
                return valueOf(max);
            }
        });
        g.get("math").set("log10", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return valueOf(Math.log10(a.checkdouble(1)));
            }
        });
        installModule(g, stack);
        installNames(g);
    }

    /** The 5.1 names scripts still use for what LuaJ (5.2) has under others, and 5.1's _VERSION. */
    private static void installNames(Globals g) {
        LuaValue math = g.get("math");
        LuaValue load = g.get("load");
        g.set("loadstring", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                // text only; 5.1 names the chunk by its source: [string "..."]
                return load.invoke(varargsOf(a.checkstring(1), a.optvalue(2, a.arg1()), valueOf("t")));
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

    /** 5.1's module(name, ...) and package.seeall. */
    private static void installModule(Globals g, CallStack stack) {
        LuaValue pkg = g.get("package");
        pkg.set("seeall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaTable m = a.checktable(1);
                LuaValue mt = m.getmetatable();
                if (mt == null) {
                    mt = new LuaTable();
                    m.setmetatable(mt);
                }
                mt.set(INDEX, g);
                return NONE;
            }
        });
        g.set("module", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                String name = a.checkjstring(1);
                LuaValue loaded = pkg.get("loaded");
                LuaValue m = loaded.get(name);
                if (!m.istable()) {
                    m = g;
                    for (String part : name.split("\\.")) { // a.b.c makes the tables on the way, as 5.1's findtable
                        LuaValue next = m.get(part);
                        if (next.isnil()) {
                            next = new LuaTable();
                            m.set(part, next);
                        } else if (!next.istable()) {
                            throw new LuaError("name conflict for module '" + name + "'");
                        }
                        m = next;
                    }
                    loaded.set(name, m);
                }
                if (m.get("_NAME").isnil()) {
                    m.set("_M", m);
                    m.set("_NAME", name);
                    int dot = name.lastIndexOf('.');
                    m.set("_PACKAGE", dot < 0 ? "" : name.substring(0, dot + 1));
                }
                LuaFunction caller = stack.frames().function(0);
                if (caller instanceof LuaClosure) {
                    setEnv((LuaClosure) caller, (LuaTable) m);
                }
                for (int i = 2; i <= a.narg(); i++) {
                    a.arg(i).call(m);
                }
                return NONE;
            }
        });
    }

    /** An error handler called after the fact (the error came from a Java function): its failure is 5.1's text. */
    private static LuaValue handle(LuaValue handler, LuaValue message) {
        try {
            return handler.call(message);
        } catch (LuaError | StackOverflowError e) {
            return LuaValue.valueOf("error in error handling");
        }
    }

    /** A function or a level (1: the function that called getfenv/setfenv) to the function. */
    private static LuaValue function(LuaValue f, CallStack stack, String name) {
        if (f.isfunction()) {
            return f;
        }
        int level = f.checkint();
        if (level < 0) {
            throw new LuaError("bad argument #1 to '" + name + "' (level must be non-negative)");
        }
        LuaFunction fn = stack.frames().function(level - 1);
        if (fn == null) {
            throw new LuaError("bad argument #1 to '" + name + "' (invalid level)");
        }
        return fn;
    }

    private static int envIndex(LuaClosure c) {
        for (int i = 0; i < c.p.upvalues.length; i++) {
            if (c.p.upvalues[i].name != null && "_ENV".equals(c.p.upvalues[i].name.tojstring())) {
                return i;
            }
        }
        return -1;
    }

    /** A function's own environment: its _ENV upvalue replaced, so functions that shared it keep theirs (5.1's rule). */
    private static boolean setEnv(LuaClosure c, LuaTable env) {
        int i = envIndex(c);
        if (i >= 0) {
            c.upValues[i] = new UpValue(new LuaValue[] {env}, 0);
            return true;
        }
        return false;
    }

    /** {@code file:line: } of instruction {@code pc} of {@code c} (its first line when unknown). */
    static String where(LuaClosure c, int pc) {
        int[] lines = c.p.lineinfo;
        int line = lines == null || lines.length == 0 ? 0 : pc >= 0 && pc < lines.length ? lines[pc] : lines[0];
        return org.luaj.vm2.Lua.chunkid(c.p.source.tojstring()) + ":" + line + ": ";
    }
}

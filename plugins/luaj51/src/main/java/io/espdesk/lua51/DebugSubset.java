package io.espdesk.lua51;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The read-only part of Lua 5.1's debug library a board script may use: {@code debug.traceback([msg])} and
 * {@code debug.getinfo(level or function [, what])} with currentline, linedefined, lastlinedefined, source,
 * short_src, what, func, nups and name. Nothing that reads or writes another function's locals, upvalues or
 * metatables: those could reach past the board's own code (the string metatable is shared by every board).
 */
public final class DebugSubset {
    private DebugSubset() {
    }

    public static LuaTable create(CallStack stack) {
        LuaTable debug = new LuaTable();
        debug.set("traceback", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                if (!a.isnoneornil(1) && !a.arg1().isstring()) {
                    return a.arg1(); // 5.1: a non-string message is returned untouched
                }
                StringBuilder sb = new StringBuilder(a.isnoneornil(1) ? "" : a.arg1().tojstring() + "\n");
                sb.append("stack traceback:");
                CallStack.Frames f = stack.frames();
                for (int level = 0; level < f.depth(); level++) {
                    LuaFunction fn = f.function(level);
                    sb.append("\n\t");
                    if (fn instanceof LuaClosure) {
                        Prototype p = ((LuaClosure) fn).p;
                        sb.append(Lua.chunkid(p.source.tojstring())).append(':').append(line(p, stack.pc(level))).append(": in ")
                                .append(p.linedefined == 0 ? "main chunk" : "function <" + Lua.chunkid(p.source.tojstring()) + ":" + p.linedefined + ">");
                    } else {
                        sb.append("[C]: ?");
                    }
                }
                return valueOf(sb.toString());
            }
        });
        debug.set("getinfo", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue target = a.arg1();
                LuaFunction fn;
                int pc = -1;
                int level = -1;
                if (target.isfunction()) {
                    fn = (LuaFunction) target;
                } else {
                    level = target.checkint();
                    if (level == 0) {
                        fn = this; // level 0 is getinfo itself
                    } else {
                        fn = stack.frames().function(level - 1);
                        if (fn == null) {
                            return NIL;
                        }
                        pc = stack.pc(level - 1);
                    }
                }
                LuaTable t = new LuaTable();
                t.set("func", fn);
                if (fn instanceof LuaClosure) {
                    LuaClosure c = (LuaClosure) fn;
                    Prototype p = c.p;
                    t.set("source", p.source);
                    t.set("short_src", Lua.chunkid(p.source.tojstring()));
                    t.set("linedefined", p.linedefined);
                    t.set("lastlinedefined", p.lastlinedefined);
                    t.set("what", p.linedefined == 0 ? "main" : "Lua");
                    t.set("currentline", pc >= 0 ? line(p, pc) : -1);
                    t.set("nups", c.upValues.length);
                    if (level >= 1) {
                        String[] name = callerName(stack, level);
                        if (name != null) {
                            t.set("name", name[1]);
                            t.set("namewhat", name[0]);
                        }
                    }
                } else {
                    t.set("source", "=[C]");
                    t.set("short_src", "[C]");
                    t.set("what", "C");
                    t.set("currentline", -1);
                    t.set("linedefined", -1);
                    t.set("nups", 0);
                }
                return t;
            }
        });
        return debug;
    }

    /** How the caller named the function at {@code level}: from the call instruction one frame down. */
    private static String[] callerName(CallStack stack, int level) {
        LuaFunction caller = stack.frames().function(level);
        if (!(caller instanceof LuaClosure)) {
            return null;
        }
        Prototype p = ((LuaClosure) caller).p;
        int pc = stack.pc(level);
        if (pc < 0 || pc >= p.code.length) {
            return null;
        }
        int i = p.code[pc];
        int op = Lua.GET_OPCODE(i);
        if (op != Lua.OP_CALL && op != Lua.OP_TAILCALL && op != Lua.OP_TFORCALL) {
            return null;
        }
        return VariableNames.objectName(p, pc, Lua.GETARG_A(i), 0);
    }

    private static int line(Prototype p, int pc) {
        return p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length ? p.lineinfo[pc] : -1;
    }
}

package io.espdesk.nodemcu.modules;

import io.espdesk.lua51.CallStack;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The board's Lua memory, estimated from its live objects the way Lua 5.1 sizes them on the ESP8266 (32-bit):
 * everything reachable from the globals and from the live locals of the functions running now, each table 32 bytes plus
 * 16 per array slot and 28 per hash entry, each string 17 plus its length, each closure 20 plus 4 per upvalue (and 24
 * per upvalue cell), each userdata 20. What only a module holds (a timer's callback, a socket's handlers) is left out.
 * node.heap() and collectgarbage("count") both come from here, so they always add up to the same total.
 */
final class HeapEstimate {
    /** What the 1.5 firmware reports free right after boot, and the Lua memory in use then. */
    static final int FREE_AT_BOOT = 40960;
    static final int USED_AT_BOOT = 24 * 1024;
    /** Past this many objects the walk stops: a bound on the cost of one node.heap() call. */
    private static final int MAX_OBJECTS = 200_000;

    private final LuaBoard lua;
    /** What the globals held at boot (the libraries): their size is the boot state, measured when asked. */
    private java.util.List<LuaValue> bootRoots;

    HeapEstimate(LuaBoard lua) {
        this.lua = lua;
    }

    /**
     * Marks the state after boot (libraries loaded, no script yet) as the firmware's boot figures. Only the globals'
     * values are kept, not walked: walking every board's libraries at every boot cost the 100-board run 10%, and
     * most scripts never ask.
     */
    void markBoot() {
        bootRoots = new java.util.ArrayList<>();
        LuaTable g = lua.globals();
        for (Varargs n = g.next(LuaValue.NIL); !n.arg1().isnil(); n = g.next(n.arg1())) {
            bootRoots.add(n.arg(2));
        }
    }

    /** Bytes of Lua memory in use, as collectgarbage("count") * 1024 reports it. */
    long used() {
        long grown = bootRoots == null ? 0 : Math.max(0, live() - walk(new ArrayDeque<>(bootRoots), lua.globals()) - 32 - 28L * bootRoots.size());
        return USED_AT_BOOT + grown + 512L * lua.board().world().tcp().openCount(lua.board());
    }

    /** node.heap(): what is left of the total. */
    long free() {
        return Math.max(0, FREE_AT_BOOT + USED_AT_BOOT - used());
    }

    private static int activeLocals(org.luaj.vm2.Prototype p, int pc) {
        int n = 0;
        if (p.locvars != null) {
            for (org.luaj.vm2.LocVars v : p.locvars) {
                if (v.startpc <= pc && pc < v.endpc) {
                    n++;
                }
            }
        }
        return n;
    }

    private long live() {
        ArrayDeque<LuaValue> todo = new ArrayDeque<>();
        todo.add(lua.globals());
        CallStack.Frames frames = lua.hook().frames();
        for (int level = 0; level < frames.depth(); level++) {
            LuaValue[] regs = frames.registers(level);
            if (regs != null && frames.function(level) instanceof LuaClosure) {
                // only the live locals: the registers above them keep temporaries the collector would not count
                int live = activeLocals(((LuaClosure) frames.function(level)).p, lua.hook().pc(level));
                for (int r = 0; r < Math.min(live, regs.length); r++) {
                    if (regs[r] != null) {
                        todo.add(regs[r]);
                    }
                }
            }
        }
        return walk(todo, null);
    }

    /** The estimated bytes of what {@code todo} reaches, not going through {@code skip} (the globals, for the boot state). */
    private static long walk(ArrayDeque<LuaValue> todo, LuaValue skip) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        if (skip != null) {
            seen.put(skip, Boolean.TRUE);
        }
        long bytes = 0;
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            LuaValue v = todo.poll();
            if (v == null || v.isnil() || v.type() == LuaValue.TNUMBER || v.type() == LuaValue.TBOOLEAN || seen.put(v, Boolean.TRUE) != null) {
                continue;
            }
            switch (v.type()) {
                case LuaValue.TSTRING:
                    bytes += 17 + v.rawlen();
                    break;
                case LuaValue.TTABLE: {
                    LuaTable t = (LuaTable) v;
                    int len = t.rawlen();
                    bytes += 32;
                    for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
                        LuaValue k = n.arg1();
                        boolean inArray = k.isinttype() && k.toint() >= 1 && k.toint() <= len;
                        bytes += inArray ? 16 : 28;
                        todo.add(k);
                        todo.add(n.arg(2));
                    }
                    if (t.getmetatable() != null) {
                        todo.add(t.getmetatable());
                    }
                    break;
                }
                case LuaValue.TFUNCTION:
                    if (v instanceof LuaClosure) {
                        LuaClosure c = (LuaClosure) v;
                        bytes += 20 + 28L * c.upValues.length;
                        for (org.luaj.vm2.UpValue u : c.upValues) {
                            if (u != null) {
                                todo.add(u.getValue());
                            }
                        }
                    }
                    break;
                default:
                    bytes += 20;
            }
        }
        return bytes;
    }
}

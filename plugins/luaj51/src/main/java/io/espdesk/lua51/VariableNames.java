package io.espdesk.lua51;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Lua 5.1's runtime error texts, with the names of the variables involved, for the errors LuaJ raises without them
 * ({@code attempt to call nil} becomes {@code attempt to call field 'alarm' (a nil value)}). Works as 5.1's
 * getobjname does: from the failing instruction of the running function, back through the bytecode to what last set
 * the register: a local, a global (a field of {@code _ENV} in LuaJ's 5.2 bytecode), a field, a method, an upvalue.
 * The registers still hold the operands (the instruction failed before writing), which settles which operand was bad.
 */
public final class VariableNames {
    private VariableNames() {
    }

    /**
     * The 5.1 text for LuaJ's runtime error {@code msg} (without position) raised by instruction {@code pc} of
     * {@code c}, whose registers are {@code r}; null when the message is not one of those or the instruction does not
     * fit it.
     */
    public static String rewrite(String msg, LuaClosure c, LuaValue[] r, int pc) {
        Prototype p = c.p;
        if (r == null || pc < 0 || pc >= p.code.length) {
            return null;
        }
        int i = p.code[pc];
        int op = Lua.GET_OPCODE(i);
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int cc = Lua.GETARG_C(i);
        if (msg.startsWith("attempt to call")) {
            if (op == Lua.OP_CALL || op == Lua.OP_TAILCALL || op == Lua.OP_TFORCALL) {
                return "attempt to call " + describe(p, pc, a, r[a]);
            }
            return null;
        }
        if (msg.startsWith("attempt to index") || msg.contains("index expected, got")) {
            switch (op) {
                case Lua.OP_GETTABLE:
                case Lua.OP_SELF:
                    return "attempt to index " + describe(p, pc, b, r[b]);
                case Lua.OP_SETTABLE:
                    if (indexable(r[a])) {
                        return tableIndex(rk(p, r, b));
                    }
                    return "attempt to index " + describe(p, pc, a, r[a]);
                case Lua.OP_GETTABUP:
                    return "attempt to index " + upvalue(p, b, c.upValues[b].getValue());
                case Lua.OP_SETTABUP: {
                    LuaValue t = c.upValues[a].getValue();
                    return indexable(t) ? tableIndex(rk(p, r, b)) : "attempt to index " + upvalue(p, a, t);
                }
                default:
                    return null;
            }
        }
        if (msg.startsWith("attempt to get length") && op == Lua.OP_LEN) {
            return "attempt to get length of " + describe(p, pc, b, r[b]);
        }
        if (msg.startsWith("attempt to concatenate") && op == Lua.OP_CONCAT) {
            int bad = -1;
            for (int k = cc; k >= b; k--) {
                if (!r[k].isstring()) {
                    bad = k;
                    break;
                }
            }
            if (bad < 0) {
                return null;
            }
            if (bad == cc && cc > b && !r[cc - 1].isstring()) {
                bad = cc - 1; // 5.1 checks the last pair first and names its left side when both are bad
            }
            return "attempt to concatenate " + describe(p, pc, bad, r[bad]);
        }
        if (msg.startsWith("attempt to perform arithmetic")) {
            if (op >= Lua.OP_ADD && op <= Lua.OP_POW) {
                boolean firstBad = !isNumber(rk(p, r, b));
                int reg = firstBad ? b : cc;
                return "attempt to perform arithmetic on " + operand(p, pc, reg, r);
            }
            if (op == Lua.OP_UNM) {
                return "attempt to perform arithmetic on " + describe(p, pc, b, r[b]);
            }
            return null;
        }
        if (msg.startsWith("attempt to compare") && (op == Lua.OP_LT || op == Lua.OP_LE)) {
            String t1 = rk(p, r, b).typename();
            String t2 = rk(p, r, cc).typename();
            return t1.equals(t2) ? "attempt to compare two " + t1 + " values" : "attempt to compare " + t1 + " with " + t2;
        }
        return null;
    }

    private static final java.util.regex.Pattern BAD_ARGUMENT =
            java.util.regex.Pattern.compile("bad argument(?: #(\\d+))?: (?:(\\w+) expected, got (\\w+)|(.*))");

    /**
     * LuaJ's {@code bad argument #1: number expected, got string} (often without the number) as 5.1's
     * {@code bad argument #1 to 'floor' (number expected, got string)}: the function's name from the call
     * instruction, a missing argument number from which argument has the type named. Null unless the call at
     * {@code pc} is to a Java (library) function: after a tail call the instruction is not the one that raised.
     */
    public static String badArgument(String msg, LuaClosure c, LuaValue[] r, int pc) {
        java.util.regex.Matcher m = BAD_ARGUMENT.matcher(msg);
        Prototype p = c.p;
        if (!m.matches() || r == null || pc < 0 || pc >= p.code.length) {
            return null;
        }
        int i = p.code[pc];
        int op = Lua.GET_OPCODE(i);
        if (op != Lua.OP_CALL && op != Lua.OP_TAILCALL) {
            return null;
        }
        int a = Lua.GETARG_A(i);
        if (r[a] instanceof LuaClosure || !r[a].isfunction()) {
            return null;
        }
        String[] name = objectName(p, pc, a, 0);
        String fname = name == null ? "?" : name[1];
        int nargs = Lua.GETARG_B(i) - 1; // -1: up to the top, unknown here
        int index = m.group(1) != null ? Integer.parseInt(m.group(1)) : -1;
        String why;
        if (m.group(2) != null) {
            String got = m.group(3);
            if (index < 0) {
                index = guessIndex(r, a, nargs, got);
            }
            why = m.group(2) + " expected, got " + (nargs >= 0 && index > nargs ? "no value" : got);
        } else {
            why = m.group(4);
        }
        if (name != null && "method".equals(name[0]) && index > 0) {
            index--; // 5.1 does not count self: ("x"):rep() is bad argument #1 to 'rep'
            if (index == 0) {
                return "calling '" + fname + "' on bad self (" + why + ")";
            }
        }
        return "bad argument #" + (index < 0 ? 1 : index) + " to '" + fname + "' (" + why + ")";
    }

    /** The first argument whose type is the one the message says it got (nil past the last: absent). */
    private static int guessIndex(LuaValue[] r, int a, int nargs, String got) {
        int last = nargs >= 0 ? nargs : Math.max(0, r.length - a - 1);
        for (int k = 1; k <= last && a + k < r.length; k++) {
            if (r[a + k].typename().equals(got)) {
                return k;
            }
        }
        return "nil".equals(got) ? last + 1 : 1;
    }

    private static String tableIndex(LuaValue key) {
        if (key.isnil()) {
            return "table index is nil";
        }
        return key.type() == LuaValue.TNUMBER && Double.isNaN(key.todouble()) ? "table index is NaN" : null;
    }

    private static boolean indexable(LuaValue v) {
        return v.istable() || v.getmetatable() != null;
    }

    private static boolean isNumber(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || v.type() == LuaValue.TSTRING && !v.tonumber().isnil();
    }

    private static LuaValue rk(Prototype p, LuaValue[] r, int x) {
        return Lua.ISK(x) ? p.k[Lua.INDEXK(x)] : r[x];
    }

    /** An RK operand: a register is named; a constant is only its type. */
    private static String operand(Prototype p, int pc, int x, LuaValue[] r) {
        if (Lua.ISK(x)) {
            return "a " + p.k[Lua.INDEXK(x)].typename() + " value";
        }
        return describe(p, pc, x, r[x]);
    }

    private static String upvalue(Prototype p, int idx, LuaValue v) {
        String name = p.upvalues.length > idx && p.upvalues[idx].name != null ? p.upvalues[idx].name.tojstring() : "?";
        return "upvalue '" + name + "' (a " + v.typename() + " value)";
    }

    /** {@code local 'x' (a nil value)}, or {@code a nil value} when the register has no name. */
    static String describe(Prototype p, int pc, int reg, LuaValue v) {
        String[] n = objectName(p, pc, reg, 0);
        String type = "a " + v.typename() + " value";
        return n == null ? type : n[0] + " '" + n[1] + "' (" + type + ")";
    }

    /** {kind, name} of register {@code reg} at instruction {@code pc}, or null. */
    static String[] objectName(Prototype p, int pc, int reg, int depth) {
        String local = localName(p, reg + 1, pc);
        if (local != null) {
            return new String[] {"local", local};
        }
        int set = findSetRegister(p, pc, reg);
        if (set < 0 || depth > 10) {
            return null;
        }
        int i = p.code[set];
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int c = Lua.GETARG_C(i);
        switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_MOVE:
                return b < a ? objectName(p, set, b, depth + 1) : null;
            case Lua.OP_GETTABUP: {
                String up = p.upvalues.length > b && p.upvalues[b].name != null ? p.upvalues[b].name.tojstring() : "";
                return new String[] {"_ENV".equals(up) ? "global" : "field", constantName(p, c)};
            }
            case Lua.OP_GETTABLE: {
                String t = localName(p, b + 1, set);
                return new String[] {"_ENV".equals(t) ? "global" : "field", constantName(p, c)};
            }
            case Lua.OP_GETUPVAL: {
                String up = p.upvalues.length > b && p.upvalues[b].name != null ? p.upvalues[b].name.tojstring() : "?";
                return new String[] {"upvalue", up};
            }
            case Lua.OP_SELF:
                return new String[] {"method", constantName(p, c)};
            case Lua.OP_LOADK: {
                LuaValue k = p.k[Lua.GETARG_Bx(i)];
                return k.type() == LuaValue.TSTRING ? new String[] {"constant", k.tojstring()} : null;
            }
            default:
                return null;
        }
    }

    private static String constantName(Prototype p, int x) {
        if (Lua.ISK(x)) {
            LuaValue k = p.k[Lua.INDEXK(x)];
            if (k.type() == LuaValue.TSTRING) {
                return k.tojstring();
            }
        }
        return "?";
    }

    /** The name of the {@code n}-th local variable active at {@code pc} (1-based), or null. */
    static String localName(Prototype p, int n, int pc) {
        if (p.locvars == null) {
            return null;
        }
        for (int i = 0; i < p.locvars.length && p.locvars[i].startpc <= pc; i++) {
            if (pc < p.locvars[i].endpc) {
                n--;
                if (n == 0) {
                    LuaString name = p.locvars[i].varname;
                    String s = name.tojstring();
                    return s.startsWith("(") ? null : s; // "(for index)" and the like are internal
                }
            }
        }
        return null;
    }

    /** The last instruction before {@code lastpc} that set register {@code reg}, or -1 (5.2's findsetreg). */
    static int findSetRegister(Prototype p, int lastpc, int reg) {
        int setreg = -1;
        int jmptarget = 0;
        for (int pc = 0; pc < lastpc; pc++) {
            int i = p.code[pc];
            int op = Lua.GET_OPCODE(i);
            int a = Lua.GETARG_A(i);
            switch (op) {
                case Lua.OP_LOADNIL: {
                    int b = Lua.GETARG_B(i);
                    if (a <= reg && reg <= a + b) {
                        setreg = pc < jmptarget ? -1 : pc;
                    }
                    break;
                }
                case Lua.OP_TFORCALL:
                    if (reg >= a + 2) {
                        setreg = pc < jmptarget ? -1 : pc;
                    }
                    break;
                case Lua.OP_CALL:
                case Lua.OP_TAILCALL:
                    if (reg >= a) {
                        setreg = pc < jmptarget ? -1 : pc;
                    }
                    break;
                case Lua.OP_JMP: {
                    int dest = pc + 1 + Lua.GETARG_sBx(i);
                    if (pc < dest && dest <= lastpc && dest > jmptarget) {
                        jmptarget = dest;
                    }
                    break;
                }
                default:
                    if (Lua.testAMode(op) && reg == a) {
                        setreg = pc < jmptarget ? -1 : pc;
                    }
                    break;
            }
        }
        return setreg;
    }
}

package org.luaj.vm2;

/**
 * Arithmetic with a string on the left and comparisons through metamethods, as Lua 5.1 does them. Arithmetic: which LuaString's add … mod are redirected to at build
 * time: LuaJ converts a numeric string to a number before it looks at the right operand, so {@code '5' + t} handed
 * t's {@code __add} the number 5; 5.1 converts only when both sides are numbers and hands a metamethod the operands
 * as they are. In LuaJ's package for LuaValue's {@code arithmt}.
 */
public final class Lua51Arith {
    private Lua51Arith() {
    }

    private static boolean numeric(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || v.type() == LuaValue.TSTRING && !Double.isNaN(((LuaString) v).scannumber());
    }

    public static LuaValue add(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.add(s.scannumber()) : s.arithmt(LuaValue.ADD, rhs);
    }

    public static LuaValue sub(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.subFrom(s.scannumber()) : s.arithmt(LuaValue.SUB, rhs);
    }

    public static LuaValue mul(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.mul(s.scannumber()) : s.arithmt(LuaValue.MUL, rhs);
    }

    public static LuaValue pow(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.powWith(s.scannumber()) : s.arithmt(LuaValue.POW, rhs);
    }

    public static LuaValue div(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.divInto(s.scannumber()) : s.arithmt(LuaValue.DIV, rhs);
    }

    public static LuaValue mod(LuaString s, LuaValue rhs) {
        return numeric(rhs) && numeric(s) ? rhs.modFrom(s.scannumber()) : s.arithmt(LuaValue.MOD, rhs);
    }

    /**
     * {@code <} and {@code <=} through metamethods, as 5.1's call_orderTM: both operands of the same type with the same
     * handler, or an error. LuaJ took either side's handler, so a table with __lt compared with one without.
     */
    public static LuaValue comparemt(LuaValue a, LuaValue tag, LuaValue b) {
        if (a.type() == b.type()) {
            LuaValue h = a.metatag(tag);
            if (!h.isnil() && h.raweq(b.metatag(tag))) {
                return h.call(a, b);
            }
            if (LuaValue.LE.raweq(tag)) {
                LuaValue lt = a.metatag(LuaValue.LT);
                if (!lt.isnil() && lt.raweq(b.metatag(LuaValue.LT))) {
                    return lt.call(b, a).not(); // a <= b as not (b < a)
                }
            }
        }
        String t1 = a.typename();
        String t2 = b.typename();
        return LuaValue.error(t1.equals(t2) ? "attempt to compare two " + t1 + " values" : "attempt to compare " + t1 + " with " + t2);
    }
}

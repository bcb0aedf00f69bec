package org.luaj.vm2;

/**
 * Arithmetic with a string on the left, as Lua 5.1 does it, which LuaString's add … mod are redirected to at build
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
}

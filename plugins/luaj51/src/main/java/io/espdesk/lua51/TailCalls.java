package io.espdesk.lua51;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code return f(x)} where f is a library (Java) function: called at once, as 5.1 calls a C function in tail position
 * (only Lua functions are tail-called there). TailcallVarargs' constructor calls this at build time's patch; LuaJ would
 * call f after the returning function's frame is gone, so an error in f had the caller's line and no function name.
 */
public final class TailCalls {
    private TailCalls() {
    }

    /** The results of {@code f(args)} now, or null to tail-call a Lua function as LuaJ does. */
    public static Varargs eager(LuaValue f, Varargs args) {
        return f instanceof LuaClosure ? null : f.invoke(args);
    }
}

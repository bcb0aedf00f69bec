package org.luaj.vm2;

/** What LuaJ keeps private about an error, read in its package: whether an error handler has seen it already. */
public final class Lua51Errors {
    private Lua51Errors() {
    }

    /** LuaJ runs the thread's error function only for errors raised inside a Lua function, and records its result. */
    public static boolean handled(LuaError e) {
        return e.traceback != null;
    }
}

package io.espdesk.nodemcu.lua;

/**
 * Thrown out of a Lua task that ran past its budget. An {@link Error}, not an exception, so that neither
 * {@code pcall} nor LuaJ's own exception wrapping can swallow it: like the hardware watchdog, it cannot be caught.
 */
public final class WatchdogReset extends Error {
    private static final long serialVersionUID = 1L;

    public WatchdogReset() {
        super("watchdog reset", null, false, false);
    }
}

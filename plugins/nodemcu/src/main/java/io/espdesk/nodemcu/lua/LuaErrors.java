package io.espdesk.nodemcu.lua;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * Makes LuaJ's error messages read like the firmware's Lua 5.1: LuaJ writes {@code init.lua:10 message}, the
 * firmware {@code init.lua:10: message}.
 */
public final class LuaErrors {
    private static final Pattern LUAJ_PLACE_LOOSE = Pattern.compile("^[@=]?([^\\s:]+:(\\d+|\\?)) ");

    private LuaErrors() {
    }

    /** {@code init.lua:10 msg} becomes {@code init.lua:10: msg}; anything else is left as it is. */
    public static String fix(String msg) {
        if (msg == null) {
            return "nil";
        }
        Matcher m = LUAJ_PLACE_LOOSE.matcher(msg);
        if (m.find()) {
            return m.group(1) + ": " + msg.substring(m.end());
        }
        return msg;
    }

    /** The one line a board prints for an error. */
    public static String text(LuaError e) {
        LuaValue obj = e.getMessageObject();
        String msg = obj != null && obj.isstring() ? obj.tojstring() : obj == null ? String.valueOf(e.getMessage()) : obj.typename();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        return fix(msg);
    }

    /** A Lua function that fixes an error message; installed as the main thread's error function. */
    public static LuaValue fixer() {
        return new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue m) {
                return m.isstring() ? valueOf(fix(m.tojstring())) : m;
            }
        };
    }

}

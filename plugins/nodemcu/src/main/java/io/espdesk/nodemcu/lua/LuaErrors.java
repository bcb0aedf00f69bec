package io.espdesk.nodemcu.lua;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.espdesk.lua51.CallStack;
import io.espdesk.lua51.VariableNames;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * Makes LuaJ's error messages read like the firmware's Lua 5.1: LuaJ writes {@code init.lua:10 message}, the
 * firmware {@code init.lua:10: message}.
 */
public final class LuaErrors {
    private static final Pattern PLACE = Pattern.compile("[^\\s:]+:(\\d+|\\?): ");
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

    /**
     * A Lua function that fixes an error message; installed as the main thread's error function, so it runs where
     * the error happened, with the failing function on top of {@code stack}: LuaJ's nameless texts get 5.1's names.
     */
    public static LuaValue fixer(CallStack stack) {
        return new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue m) {
                if (!m.isstring()) {
                    return m;
                }
                String raw = m.tojstring();
                LuaFunction top = stack.frames().function(0);
                if (!(top instanceof LuaClosure)) {
                    return valueOf(fix(raw));
                }
                LuaClosure c = (LuaClosure) top;
                // LuaJ prefixes the raw source name ("a = 1; f()" for a loadstring chunk): 5.1 names it by chunkid
                String where = "";
                String text = raw;
                String src = c.p.source.tojstring() + ":";
                if (raw.startsWith(src)) {
                    int j = src.length();
                    while (j < raw.length() && (Character.isDigit(raw.charAt(j)) || raw.charAt(j) == '?')) {
                        j++;
                    }
                    if (j < raw.length() && raw.charAt(j) == ' ' && j > src.length()) {
                        where = org.luaj.vm2.Lua.chunkid(c.p.source.tojstring()) + ":" + raw.substring(src.length(), j) + ": ";
                        text = raw.substring(j + 1);
                    }
                }
                if (where.isEmpty()) {
                    String msg = fix(raw);
                    Matcher place = PLACE.matcher(msg);
                    where = place.lookingAt() ? place.group() : "";
                    text = msg.substring(where.length());
                }
                String named = VariableNames.rewrite(text, c, stack.frames().registers(0), stack.lastPc());
                if (named == null) {
                    named = VariableNames.badArgument(text, c, stack.frames().registers(0), stack.lastPc());
                }
                return valueOf(where + (named != null ? named : text));
            }
        };
    }

}

package io.espdesk.lua51;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Library argument checks with Lua 5.1's messages: {@code bad argument #1 to 'decode' (string expected, got nil)},
 * "got no value" past the last argument. As in 5.1 a number is a string where a string is wanted and a numeric string
 * a number.
 */
public final class Args {
    private Args() {
    }

    public static LuaString string(Varargs args, int i, String function) {
        LuaValue v = args.arg(i);
        if (v.isstring()) { // strings and numbers
            return v.strvalue();
        }
        throw expected(args, i, function, "string");
    }

    public static double number(Varargs args, int i, String function) {
        LuaValue v = args.arg(i);
        if (v.isnumber()) { // numbers and numeric strings
            return v.todouble();
        }
        throw expected(args, i, function, "number");
    }

    public static long integer(Varargs args, int i, String function) {
        return (long) number(args, i, function);
    }

    public static LuaError expected(Varargs args, int i, String function, String type) {
        String got = i > args.narg() ? "no value" : args.arg(i).typename();
        return bad(i, function, type + " expected, got " + got);
    }

    public static LuaError bad(int i, String function, String why) {
        return new LuaError("bad argument #" + i + " to '" + function + "' (" + why + ")");
    }
}

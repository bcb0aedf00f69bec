package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.World;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A NodeMCU module in the LuaJ library style: a function that builds one table and installs it as a global (and in
 * {@code package.loaded}). One subclass per firmware module, named after it; each holds that module's state for
 * one boot of one board.
 */
public abstract class Module extends TwoArgFunction {
    protected final LuaBoard lua;
    protected final Board board;
    private final String moduleName;

    protected Module(LuaBoard lua, String moduleName) {
        this.lua = lua;
        this.board = lua.board();
        this.moduleName = moduleName;
    }

    /** The module's global name: "tmr", "wifi" … */
    String moduleName() {
        return moduleName;
    }

    protected World world() {
        return board.world();
    }

    protected boolean legacy() {
        return lua.legacy();
    }

    /** Fills the module table. */
    protected abstract void build(LuaTable t);

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        LuaTable t = new LuaTable();
        build(t);
        env.set(moduleName, t);
        LuaValue pkg = env.get("package");
        if (pkg.istable()) {
            pkg.get("loaded").set(moduleName, t);
        }
        return t;
    }

    /** A Lua function named {@code name} (so argument errors read "bad argument #1 to 'name'"). */
    protected static LuaValue fn(String name, Function<Varargs, Varargs> body) {
        return new Named(name, body);
    }

    /** A library function that knows its name, as LuaJ's own library functions do. */
    private static final class Named extends VarArgFunction {
        private final Function<Varargs, Varargs> body;

        Named(String name, Function<Varargs, Varargs> body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return body.apply(args);
        }
    }

    /** Registers {@code name} in {@code t}. */
    protected static void put(LuaTable t, String name, Function<Varargs, Varargs> body) {
        t.set(name, fn(name, body));
    }

    /** A userdata of {@code type} from argument {@code i}, or the firmware-style error. */
    protected static <T> T self(Varargs args, Class<T> type, String what) {
        LuaValue v = args.arg(1);
        if (v instanceof LuaUserdata && type.isInstance(((LuaUserdata) v).m_instance)) {
            return type.cast(((LuaUserdata) v).m_instance);
        }
        throw new LuaError("bad argument #1 (" + what + " expected, got " + v.typename() + ")");
    }

    /** A metatable whose __index is {@code methods}. */
    protected static LuaTable metatable(LuaTable methods) {
        LuaTable mt = new LuaTable();
        mt.set(LuaValue.INDEX, methods);
        return mt;
    }

    protected static LuaError argError(int i, String fname, String msg) {
        return new LuaError("bad argument #" + i + " to '" + fname + "' (" + msg + ")");
    }

    protected static Varargs none() {
        return LuaValue.NONE;
    }
}

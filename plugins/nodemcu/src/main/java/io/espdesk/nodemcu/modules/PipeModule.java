package io.espdesk.nodemcu.modules;

import org.luaj.vm2.LuaTable;

/** pipe (3.0 firmware): pipe.create([reader callback]) and the pipe objects of {@link Pipe}. */
public final class PipeModule extends Module {
    private final LuaTable pipeMeta = metatable(Pipe.methods());

    public PipeModule(LuaBoard lua) {
        super(lua, "pipe");
    }

    /** A new pipe whose callback (may be nil) is posted after writes. */
    Pipe create(org.luaj.vm2.LuaValue callback) {
        return new Pipe(lua, callback, pipeMeta);
    }

    @Override
    protected void build(LuaTable t) {
        put(t, "create", a -> create(a.arg1()).value());
    }
}

package io.espdesk.nodemcu.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A table no script can change. LuaJ keeps the string metatable in one static field for the whole JVM, so it is
 * shared by every board of every simulation; freezing it is what keeps one board from reaching into another.
 */
final class FrozenTable extends LuaTable {
    private boolean frozen;

    FrozenTable freeze() {
        frozen = true;
        return this;
    }

    private void refuse() {
        if (frozen) {
            throw new LuaError("attempt to modify a read-only table (the string library is shared by all boards)");
        }
    }

    @Override
    public void rawset(int key, LuaValue value) {
        refuse();
        super.rawset(key, value);
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        refuse();
        super.rawset(key, value);
    }

    @Override
    public void hashset(LuaValue key, LuaValue value) {
        refuse();
        super.hashset(key, value);
    }

    @Override
    public void insert(int pos, LuaValue value) {
        refuse();
        super.insert(pos, value);
    }

    @Override
    public LuaValue remove(int pos) {
        refuse();
        return super.remove(pos);
    }

    @Override
    public void sort(LuaValue comparator) {
        refuse();
        super.sort(comparator);
    }

    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        refuse();
        return super.setmetatable(metatable);
    }
}

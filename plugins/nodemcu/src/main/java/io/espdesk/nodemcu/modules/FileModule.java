package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Flash;
import java.util.Arrays;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * file: SPIFFS on the board's own {@link Flash}. Both styles work: the legacy one-open-file functions
 * ({@code file.open(); file.readline(); file.close()}) and file objects ({@code f = file.open(); f:read()}).
 * Names are flat and at most 31 characters; what is written stays across reboots.
 */
public final class FileModule extends Module {
    static final int READ_CHUNK = 1024;

    /** An open file: a copy of its bytes and a position; writes go through to the flash. */
    final class OpenFile {
        final String name;
        final boolean readable;
        final boolean writable;
        final boolean append;
        byte[] data;
        int pos;
        boolean closed;

        OpenFile(String name, String mode) {
            this.name = name;
            byte[] have = board.flash().read(name);
            readable = mode.startsWith("r") || mode.contains("+");
            writable = !mode.equals("r");
            append = mode.startsWith("a");
            data = mode.startsWith("w") || have == null ? new byte[0] : have.clone();
            pos = append ? data.length : 0;
            if (mode.startsWith("w") || (writable && have == null)) {
                board.flash().write(name, data);
            }
        }

        LuaValue read(LuaValue what) {
            check();
            if (!readable || pos >= data.length) {
                return LuaValue.NIL;
            }
            int end;
            if (what.isnil()) {
                end = Math.min(data.length, pos + READ_CHUNK);
            } else if (what.type() == LuaValue.TNUMBER) {
                end = Math.min(data.length, pos + Math.max(0, what.toint()));
            } else {
                int stop = what.checkjstring().isEmpty() ? '\n' : what.tojstring().charAt(0);
                end = pos;
                while (end < data.length && end - pos < READ_CHUNK && data[end] != stop) {
                    end++;
                }
                if (end < data.length && end - pos < READ_CHUNK) {
                    end++;
                }
            }
            LuaValue out = LuaValue.valueOf(Arrays.copyOfRange(data, pos, end));
            pos = end;
            return out;
        }

        LuaValue readline() {
            return read(LuaValue.valueOf("\n"));
        }

        boolean write(LuaString s) {
            check();
            if (!writable) {
                return false;
            }
            if (board.flash().used() + s.length() > Flash.CAPACITY) {
                return false;
            }
            if (append) {
                pos = data.length;
            }
            int end = pos + s.length();
            if (end > data.length) {
                data = Arrays.copyOf(data, end);
            }
            s.copyInto(0, data, pos, s.length());
            pos = end;
            board.flash().write(name, data.clone());
            return true;
        }

        Varargs seek(String whence, int offset) {
            check();
            int base = "set".equals(whence) ? 0 : "end".equals(whence) ? data.length : pos;
            int p = base + offset;
            if (p < 0 || p > data.length) {
                return LuaValue.NIL;
            }
            pos = p;
            return LuaValue.valueOf(pos);
        }

        void check() {
            if (closed) {
                throw new LuaError("file is closed");
            }
        }
    }

    private OpenFile current;
    private final LuaTable fileMeta;

    public FileModule(LuaBoard lua) {
        super(lua, "file");
        LuaTable m = new LuaTable();
        put(m, "read", a -> of(a).read(a.arg(2)));
        put(m, "readline", a -> of(a).readline());
        put(m, "write", a -> LuaValue.valueOf(of(a).write(a.checkstring(2))));
        put(m, "writeline", a -> LuaValue.valueOf(of(a).write(a.checkstring(2)) && of(a).write(LuaValue.valueOf("\n"))));
        put(m, "seek", a -> of(a).seek(a.optjstring(2, "cur"), a.optint(3, 0)));
        put(m, "flush", a -> none());
        put(m, "close", a -> {
            of(a).closed = true;
            return none();
        });
        fileMeta = metatable(m);
    }

    private OpenFile of(Varargs a) {
        return self(a, OpenFile.class, "file.obj");
    }

    private OpenFile cur() {
        if (current == null || current.closed) {
            throw new LuaError("open a file first");
        }
        return current;
    }

    private static String name(Varargs a, String fname) {
        String n = a.checkjstring(1);
        if (n.length() > Flash.MAX_NAME) {
            throw argError(1, fname, "filename too long");
        }
        return n.startsWith("/") ? n.substring(1) : n;
    }

    @Override
    protected void build(LuaTable t) {
        put(t, "open", a -> {
            String n = name(a, "open");
            String mode = a.optjstring(2, "r");
            if (!mode.matches("[rwa]\\+?")) {
                throw argError(2, "open", "invalid mode");
            }
            if (mode.startsWith("r") && !board.flash().exists(n)) {
                return LuaValue.NIL;
            }
            if (current != null) {
                current.closed = true; // one open file at a time in the module-level API
            }
            current = new OpenFile(n, mode);
            return new LuaUserdata(current, fileMeta);
        });
        put(t, "close", a -> {
            if (current != null) {
                current.closed = true;
                current = null;
            }
            return none();
        });
        put(t, "read", a -> cur().read(a.arg1()));
        put(t, "readline", a -> cur().readline());
        put(t, "write", a -> LuaValue.valueOf(cur().write(a.checkstring(1))));
        put(t, "writeline", a -> LuaValue.valueOf(cur().write(a.checkstring(1)) && cur().write(LuaValue.valueOf("\n"))));
        put(t, "seek", a -> cur().seek(a.optjstring(1, "cur"), a.optint(2, 0)));
        put(t, "flush", a -> none());
        put(t, "list", a -> {
            LuaTable l = new LuaTable();
            for (Map.Entry<String, Integer> e : board.flash().list().entrySet()) {
                l.set(e.getKey(), e.getValue());
            }
            return l;
        });
        put(t, "remove", a -> {
            board.flash().remove(name(a, "remove"));
            return none();
        });
        put(t, "rename", a -> LuaValue.valueOf(board.flash().rename(name(a, "rename"), a.checkjstring(2))));
        put(t, "exists", a -> LuaValue.valueOf(board.flash().exists(name(a, "exists"))));
        put(t, "format", a -> {
            board.flash().format();
            return none();
        });
        put(t, "fsinfo", a -> {
            long used = board.flash().used();
            return LuaValue.varargsOf(LuaValue.valueOf(Flash.CAPACITY - used), LuaValue.valueOf(used), LuaValue.valueOf(Flash.CAPACITY));
        });
        put(t, "getcontents", a -> {
            byte[] b = board.flash().read(name(a, "getcontents"));
            return b == null ? LuaValue.NIL : LuaValue.valueOf(b.clone());
        });
        put(t, "putcontents", a -> {
            LuaString s = a.checkstring(2);
            byte[] b = new byte[s.length()];
            s.copyInto(0, b, 0, b.length);
            board.flash().write(name(a, "putcontents"), b);
            return LuaValue.TRUE;
        });
        put(t, "stat", a -> {
            String n = name(a, "stat");
            byte[] b = board.flash().read(n);
            if (b == null) {
                return LuaValue.NIL;
            }
            LuaTable s = new LuaTable();
            s.set("name", n);
            s.set("size", b.length);
            s.set("is_dir", LuaValue.FALSE);
            return s;
        });
    }
}

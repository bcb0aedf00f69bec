package io.espdesk.nodemcu.modules;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A pipe of the 3.0 firmware: a byte stream written by one task and read, in records, by another. Reads take a
 * length or a delimiter ({@code "\n+"} by default: up to and with the newline); {@code unread} puts bytes back in
 * front. A reader callback is posted as a task after a write; its result decides a repost (true: yes, false: no,
 * nil: if something was written meanwhile). node.output(fn, 0) on 3.0 hands its function such a pipe.
 */
final class Pipe {
    /** The firmware keeps a pipe in 256-byte slots; nrec() counts them. */
    private static final int SLOT = 256;

    private final LuaBoard lua;
    private final LuaValue callback;
    private final LuaUserdata self;
    private byte[] data = new byte[0];
    private boolean posted;
    private boolean writtenSinceCall;

    Pipe(LuaBoard lua, LuaValue callback, LuaTable meta) {
        this.lua = lua;
        this.callback = callback == null ? LuaValue.NIL : callback;
        this.self = new LuaUserdata(this, meta);
    }

    LuaUserdata value() {
        return self;
    }

    void write(byte[] b) {
        byte[] n = Arrays.copyOf(data, data.length + b.length);
        System.arraycopy(b, 0, n, data.length, b.length);
        data = n;
        writtenSinceCall = true;
        post();
    }

    void unread(byte[] b) {
        byte[] n = new byte[data.length + b.length];
        System.arraycopy(b, 0, n, 0, b.length);
        System.arraycopy(data, 0, n, b.length, data.length);
        data = n;
    }

    int nrec() {
        return (data.length + SLOT - 1) / SLOT;
    }

    /** The next record, or nil when the pipe is empty. */
    LuaValue read(LuaValue how) {
        if (data.length == 0) {
            return LuaValue.NIL;
        }
        int take;
        int keep;
        if (how.type() == LuaValue.TNUMBER) {
            take = Math.min(data.length, Math.max(0, how.toint()));
            keep = take;
        } else {
            String spec = how.isnil() ? "\n+" : how.checkjstring();
            byte delim = spec.isEmpty() ? (byte) '\n' : (byte) spec.charAt(0);
            boolean withDelim = spec.length() > 1 && spec.charAt(1) == '+';
            int at = 0;
            while (at < data.length && data[at] != delim) {
                at++;
            }
            if (at == data.length) {
                take = data.length;
                keep = take;
            } else {
                take = at + 1;
                keep = withDelim ? take : at;
            }
        }
        LuaValue out = LuaValue.valueOf(Arrays.copyOf(data, keep));
        data = Arrays.copyOfRange(data, take, data.length);
        return out;
    }

    private void post() {
        if (callback.isnil() || posted) {
            return;
        }
        posted = true;
        lua.board().world().scheduler().after(0, lua.board(), () -> lua.call(this::runCallback));
    }

    private void runCallback() {
        posted = false;
        writtenSinceCall = false;
        LuaValue r = callback.call(self);
        boolean again = r.isboolean() ? r.toboolean() : writtenSinceCall;
        if (again) {
            post();
        }
    }

    /** The methods of a pipe object. */
    static LuaTable methods() {
        LuaTable m = new LuaTable();
        m.set("read", fn(a -> of(a).read(a.arg(2))));
        m.set("unread", fn(a -> {
            of(a).unread(EncoderModule.bytes(a, 2));
            return LuaValue.NONE;
        }));
        m.set("write", fn(a -> {
            Pipe p = of(a);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 2; i <= a.narg(); i++) {
                byte[] b = EncoderModule.bytes(a, i);
                all.write(b, 0, b.length);
            }
            p.write(all.toByteArray());
            return LuaValue.NONE;
        }));
        m.set("nrec", fn(a -> LuaValue.valueOf(of(a).nrec())));
        m.set("reader", fn(a -> {
            Pipe p = of(a);
            LuaValue how = a.arg(2);
            return new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs none) {
                    return p.read(how);
                }
            };
        }));
        return m;
    }

    private static Pipe of(Varargs a) {
        return Module.self(a, Pipe.class, "pipe");
    }

    private static LuaValue fn(java.util.function.Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return body.apply(a);
            }
        };
    }
}

package io.espdesk.nodemcu.modules;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * uart: setup, write, and on("data") in its three forms: every byte ({@code 0}), every N bytes, or up to an end
 * character (or 255 bytes, the firmware's line buffer). Input nobody takes goes to the Lua interpreter.
 */
public final class UartModule extends Module {
    static final int LINE_MAX = 255;

    private final Interpreter interpreter;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private LuaValue dataFn = LuaValue.NIL;
    private int count;
    private int endChar = -1;
    private boolean runInput = true;
    private int baud = 115_200;
    private int databits = 8;
    private int parity;
    private int stopbits = 1;

    public UartModule(LuaBoard lua, Interpreter interpreter) {
        super(lua, "uart");
        this.interpreter = interpreter;
        board.uartSink(this::input);
    }

    @Override
    protected void build(LuaTable t) {
        t.set("PARITY_NONE", 0);
        t.set("PARITY_EVEN", 1);
        t.set("PARITY_ODD", 2);
        t.set("STOPBITS_1", 1);
        t.set("STOPBITS_2", 2);
        t.set("STOPBITS_1_5", 3);
        put(t, "setup", a -> {
            id(a.checkint(1), "setup");
            baud = a.checkint(2);
            databits = a.optint(3, 8);
            parity = a.optint(4, 0);
            stopbits = a.optint(5, 1);
            interpreter.echo(a.optint(6, 1) != 0);
            return LuaValue.valueOf(baud);
        });
        put(t, "getconfig", a -> LuaValue.varargsOf(new LuaValue[] {LuaValue.valueOf(baud), LuaValue.valueOf(databits),
            LuaValue.valueOf(parity), LuaValue.valueOf(stopbits)}));
        put(t, "alt", a -> none());
        put(t, "write", a -> {
            id(a.checkint(1), "write");
            for (int i = 2; i <= a.narg(); i++) {
                LuaValue v = a.arg(i);
                if (v.type() == LuaValue.TNUMBER) {
                    board.uartWrite(new byte[] {(byte) v.toint()});
                } else {
                    org.luaj.vm2.LuaString s = v.checkstring();
                    byte[] b = new byte[s.length()];
                    s.copyInto(0, b, 0, b.length);
                    board.uartWrite(b);
                }
            }
            return none();
        });
        put(t, "on", a -> {
            String method = a.checkjstring(1);
            if (!"data".equals(method)) {
                throw argError(1, "on", "method not supported");
            }
            if (a.narg() < 2 || a.arg(2).isnil() && a.arg(3).isnil()) {
                dataFn = LuaValue.NIL;
                runInput = true;
                return none();
            }
            LuaValue mode = a.arg(2);
            LuaValue fn = a.arg(3);
            if (mode.isfunction()) { // uart.on("data", fn): every byte
                fn = mode;
                count = 0;
                endChar = -1;
            } else if (mode.type() == LuaValue.TNUMBER) {
                count = mode.toint();
                endChar = -1;
                if (count < 0 || count > LINE_MAX) {
                    throw argError(2, "on", "wrong arg range");
                }
            } else if (mode.isstring()) {
                String s = mode.tojstring();
                if (s.length() != 1) {
                    throw argError(2, "on", "only one char allowed");
                }
                endChar = s.charAt(0) & 255;
                count = 0;
            } else {
                throw argError(2, "on", "number or char expected");
            }
            if (!fn.isfunction()) {
                throw new LuaError("bad argument #3 to 'on' (function expected)");
            }
            dataFn = fn;
            runInput = a.optint(4, 1) != 0;
            buffer.reset();
            return none();
        });
    }

    private static void id(int id, String fname) {
        if (id != 0 && id != 1) {
            throw argError(1, fname, "invalid uart id");
        }
    }

    private void input(byte[] data) {
        if (dataFn.isnil()) {
            interpreter.input(data);
            return;
        }
        if (runInput) {
            interpreter.input(data);
        }
        for (byte b : data) {
            buffer.write(b);
            boolean deliver = endChar >= 0 ? ((b & 255) == endChar || buffer.size() >= LINE_MAX)
                    : count == 0 || buffer.size() >= count;
            if (deliver) {
                LuaValue chunk = LuaValue.valueOf(buffer.toByteArray());
                buffer.reset();
                LuaValue fn = dataFn;
                world().scheduler().after(0, board, () -> lua.callLua(fn, chunk));
            }
        }
    }
}

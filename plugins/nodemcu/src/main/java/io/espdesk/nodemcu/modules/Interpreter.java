package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Board;
import io.espdesk.nodemcu.lua.LuaErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The board's Lua interpreter on UART0: what ESPlorer, NodeMCU-Tool and a serial monitor talk to. Bytes typed in
 * are echoed; each complete line runs as a chunk named "stdin", and the "> " prompt follows. Also where print()
 * and node.output() send the board's text.
 */
public final class Interpreter {
    private final LuaBoard lua;
    private final Board board;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private LuaValue outputFn = LuaValue.NIL;
    private boolean alsoSerial = true;
    private boolean echo = true;

    public Interpreter(LuaBoard lua) {
        this.lua = lua;
        this.board = lua.board();
    }

    public void echo(boolean on) {
        this.echo = on;
    }

    /** Text the board prints (print, errors): to UART0 and/or the node.output() function. */
    public void out(String text) {
        if (!outputFn.isnil()) {
            LuaValue fn = outputFn;
            board.world().scheduler().after(0, board, () -> lua.callLua(fn, LuaValue.valueOf(text)));
            if (!alsoSerial) {
                return;
            }
        }
        board.console().print(text);
    }

    void redirect(LuaValue fn, boolean serialToo) {
        this.outputFn = fn;
        this.alsoSerial = serialToo;
    }

    /** Bytes typed into the UART while no uart.on("data") handler takes them. */
    public void input(byte[] data) {
        for (byte b : data) {
            if (echo) {
                board.console().write(new byte[] {b});
            }
            if (b == '\n' || b == '\r') {
                if (b == '\n' || line.size() > 0) {
                    String l = line.toString(StandardCharsets.ISO_8859_1);
                    line.reset();
                    feedLine(l);
                }
            } else {
                line.write(b);
            }
        }
    }

    /** Runs one line as the interpreter does, then prompts. */
    public void feedLine(String l) {
        board.world().scheduler().after(0, board, () -> {
            lua.call(() -> {
                try {
                    org.luaj.vm2.Varargs results = lua.globals().load(l.startsWith("=") ? "return " + l.substring(1) : l, "=stdin").invoke();
                    if (results.narg() > 0) {
                        lua.globals().get("print").invoke(results); // "=expr" shows its values, as lua.c does
                    }
                } catch (LuaError e) {
                    out(LuaErrors.text(e) + "\n");
                }
            });
            if (board.powered()) {
                out("> ");
            }
        });
    }
}

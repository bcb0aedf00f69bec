package io.espdesk.nodemcu.modules;

import io.espdesk.nodemcu.lua.LuaErrors;
import io.espdesk.sim.engine.Board;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The board's Lua interpreter on UART0, as the firmware's readline and dojob have it: what ESPlorer, NodeMCU-Tool and a
 * serial monitor talk to. Typed bytes are echoed; CR, LF, CR LF and LF CR each end a line (echoed as {@code \r\n});
 * backspace rubs out ({@code \b \b}); an empty line prompts again. A complete line runs as the chunk "stdin"; a line
 * that leaves a statement open (the compiler stops at {@code near '<eof>'}) is kept and the {@code >> } prompt asks
 * for the next. Also where print() and node.output() send the board's text.
 */
public final class Interpreter {
    /** LUA_MAXINPUT: a longer line is dropped and starts again, as the firmware does. */
    private static final int MAX_LINE = 256;

    private final LuaBoard lua;
    private final Board board;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private LuaValue outputFn = LuaValue.NIL;
    private boolean alsoSerial = true;
    private boolean echo = true;
    private int lastEnd;
    private String pending;
    /** Typed bytes not read yet: the firmware reads up to one line, runs it, then reads on. */
    private final java.util.ArrayDeque<Byte> unread = new java.util.ArrayDeque<>();
    private boolean running;

    private final PipeModule pipes;
    private Pipe stdout;

    public Interpreter(LuaBoard lua) {
        this.lua = lua;
        this.board = lua.board();
        this.pipes = new PipeModule(lua);
    }

    PipeModule pipes() {
        return pipes;
    }

    public void echo(boolean on) {
        this.echo = on;
    }

    /** Text the board prints (print, errors): to UART0 and/or the node.output() function. */
    public void out(String text) {
        if (redirected(text)) {
            board.console().print(text);
        }
    }

    /**
     * Hands {@code text} to the node.output() function (3.0: into its pipe), if there is one; returns whether it also
     * goes to the UART.
     */
    private boolean redirected(String text) {
        if (outputFn.isnil()) {
            return true;
        }
        if (stdout != null) {
            stdout.write(text.getBytes(StandardCharsets.ISO_8859_1)); // 3.0: into the stdout pipe, its reader posted
        } else {
            LuaValue fn = outputFn;
            board.world().scheduler().after(0, board, () -> lua.callLua(fn, LuaValue.valueOf(text)));
        }
        return alsoSerial;
    }

    /** node.output(fn, serial): 1.5 calls fn with each text; 3.0 writes a pipe and fn is its reader callback. */
    void redirect(LuaValue fn, boolean serialToo) {
        this.outputFn = fn;
        this.alsoSerial = serialToo;
        this.stdout = fn.isnil() || lua.legacy() ? null : pipes.create(fn);
    }

    /** Bytes typed into the UART while no uart.on("data") handler takes them. */
    public void input(byte[] data) {
        for (byte b : data) {
            unread.add(b);
        }
        if (!running) {
            readOn();
        }
    }

    /** Reads typed bytes until a line is complete (then runs it, and reads on after) or none are left. */
    private void readOn() {
        while (!unread.isEmpty()) {
            int c = unread.poll() & 0xff;
            int last = lastEnd;
            lastEnd = 0;
            if (c == '\r' && last == '\n' || c == '\n' && last == '\r') {
                continue; // the second half of a CR LF or LF CR pair
            }
            if (c == 0x7f || c == 0x08) {
                if (line.size() > 0) {
                    if (echo) {
                        board.console().print("\b \b");
                    }
                    byte[] kept = line.toByteArray();
                    line.reset();
                    line.write(kept, 0, kept.length - 1);
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                lastEnd = c;
                if (echo) {
                    board.console().print("\n");
                }
                if (line.size() == 0) {
                    showPrompt();
                } else {
                    String l = line.toString(StandardCharsets.ISO_8859_1);
                    line.reset();
                    running = true;
                    feedLine(l);
                    return;
                }
                continue;
            }
            if (echo) {
                board.console().print(String.valueOf((char) c));
            }
            if (line.size() + 1 >= MAX_LINE) {
                line.reset();
            }
            line.write(c);
        }
    }

    /** Runs one line as the interpreter does (joining it to an open statement), then prompts. */
    public void feedLine(String l) {
        board.world().scheduler().after(0, board, () -> {
            lua.call(() -> run(l));
            if (board.powered()) {
                showPrompt();
                running = false;
                readOn();
            }
        });
    }

    private void run(String l) {
        String chunk = pending != null ? pending + "\n" + l : l.startsWith("=") ? "return " + l.substring(1) : l;
        LuaValue fn;
        try {
            fn = lua.globals().load(chunk, "=stdin");
        } catch (LuaError e) {
            String msg = LuaErrors.text(e);
            if (msg.endsWith("near '<eof>'")) {
                pending = chunk; // an open statement: ask for more
                return;
            }
            pending = null;
            report(msg);
            return;
        }
        pending = null;
        try {
            Varargs results = fn.invoke();
            if (results.narg() > 0) {
                lua.globals().get("print").invoke(results); // "=expr" shows its values, as lua.c does
            }
        } catch (LuaError e) {
            report(LuaErrors.text(e));
        }
    }

    /** 1.5 prints the message alone; 3.0's interpreter prints it after "Lua error: ". */
    private void report(String msg) {
        out((lua.legacy() ? "" : "Lua error: \t") + msg + "\n");
    }

    /** The prompt goes where output goes: the firmware writes it with the same call (a telnet client sees it too). */
    private void showPrompt() {
        String p = prompt();
        if (redirected(p)) {
            board.console().prompt(p);
        }
    }

    private String prompt() {
        return pending != null ? ">> " : "> ";
    }
}

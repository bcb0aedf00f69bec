package io.espdesk.nodemcu.modules;

import io.espdesk.nodemcu.lua.LuaErrors;
import io.espdesk.nodemcu.lua.Sandbox;
import io.espdesk.nodemcu.lua.WatchdogHook;
import io.espdesk.nodemcu.lua.WatchdogReset;
import io.espdesk.sim.engine.Board;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The Lua side of one board for one boot: its locked-down VM with the firmware's base library and the modules of
 * its profile, the watchdog's instruction budget, and how a Lua task ends. An error in a task is a firmware panic
 * and a reboot; a task that runs too long is a watchdog reset; either restart touches this board only.
 */
public final class LuaBoard {
    private final Board board;
    private final boolean legacy;
    private final WatchdogHook hook;
    private final Globals globals;
    private boolean inInit;
    private final HeapEstimate heap = new HeapEstimate(this);
    private final String moduleNames;

    /** Builds the Lua state of a boot: the 5.1 core, locked down, then the base library and the profile's modules. */
    public LuaBoard(Board board, boolean legacy, long watchdogInstructions) {
        this.board = board;
        this.legacy = legacy;
        this.hook = new WatchdogHook(watchdogInstructions);
        this.globals = Sandbox.create(board.flash()::read, hook);
        Interpreter interpreter = new Interpreter(this);
        BaseLibrary.install(globals, this, interpreter);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Module m : ModuleList.of(this, interpreter)) {
            globals.load(m);
            names.add(m.moduleName());
        }
        this.moduleNames = String.join(",", names);
        UnsimulatedModules.install(globals, this);
        heap.markBoot();
    }

    /** The modules of this build, as node.info("build_config").modules lists them: "bit,crypto,…". */
    String moduleNames() {
        return moduleNames;
    }

    /** The board's Lua memory, as node.heap() and collectgarbage("count") report it. */
    HeapEstimate heap() {
        return heap;
    }

    public Board board() {
        return board;
    }

    /** Whether the board runs the 1.5 API (numbered timers, espconn limits) rather than 3.0's. */
    public boolean legacy() {
        return legacy;
    }

    public Globals globals() {
        return globals;
    }

    public WatchdogHook hook() {
        return hook;
    }

    /** Runs init.lua from the flash, as the firmware does after boot: an error there is printed, not a panic. */
    public void runInit() {
        if (!board.flash().exists("init.lua")) {
            board.console().print("lua: cannot open init.lua\n");
        } else {
            inInit = true;
            try {
                call(() -> compile("init.lua").call());
            } finally {
                inInit = false;
            }
        }
        if (board.powered()) {
            board.console().prompt("> "); // the interpreter's first prompt follows init.lua, as lua_main's dojob does
        }
    }

    /**
     * Runs Lua work as one firmware task. An error inside is a panic (at boot: printed, as the interpreter does
     * for init.lua); a runaway task trips the watchdog.
     */
    public void call(Runnable work) {
        if (!board.powered()) {
            return;
        }
        hook.startTask();
        try {
            work.run();
        } catch (WatchdogReset w) {
            board.console().print("\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\n\nwdt reset\n");
            board.restart(2, Board.EXT_SOFT_WDT);
        } catch (LuaError e) {
            if (inInit) {
                board.console().print(LuaErrors.text(e) + "\n");
            } else {
                board.console().print("PANIC: unprotected error in call to Lua API (" + LuaErrors.text(e) + ")\n");
                board.restart(2, Board.EXT_EXCEPTION);
            }
        } catch (StackOverflowError e) {
            board.console().print("PANIC: unprotected error in call to Lua API (stack overflow)\n");
            board.restart(2, Board.EXT_EXCEPTION);
        } catch (OutOfMemoryError e) {
            board.console().print("PANIC: unprotected error in call to Lua API (not enough memory)\n");
            board.restart(2, Board.EXT_EXCEPTION);
        }
    }

    /** Calls a Lua function as one task. */
    public void callLua(LuaValue fn, LuaValue... args) {
        if (fn == null || fn.isnil()) {
            return;
        }
        call(() -> fn.invoke(LuaValue.varargsOf(args)));
    }

    /**
     * Compiles a file of the board's flash as the firmware names it in errors ({@code init.lua:3: ...}). LuaJ's own
     * loadfile would wrap a syntax error as "load init.lua: org.luaj.vm2.LuaError: ...".
     */
    public LuaValue compile(String name) {
        return Sandbox.compile(globals, board.flash()::read, name);
    }
}

package io.espdesk.lua51;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The VM hook that keeps what Lua 5.1 knows and LuaJ does not tell: which functions are running, with their
 * registers, per coroutine, and the instruction under way. Error messages name variables from it ({@link VariableNames}), {@code error(msg, 2)}
 * finds its level in it, and it bounds the depth of Lua calls as 5.1 does (LUAI_MAXCALLS: {@code stack overflow},
 * a Lua error a pcall catches, not a JVM StackOverflowError). LuaJ only calls instruction hooks through a DebugLib,
 * so this is one; the sandbox removes the {@code debug} table it installs. Subclasses add to the instruction hook
 * (the firmware's watchdog) through {@link #onStep()}.
 */
public class CallStack extends DebugLib {
    /** Lua 5.1's LUAI_MAXCALLS. */
    public static final int MAX_CALLS = 20_000;

    private Globals globals;
    private int lastPc;
    private LuaThread currentThread;
    private Frames current;

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        globals = env.checkglobals();
        return super.call(modname, env);
    }

    /** One coroutine's frames. A Java function's frame (pcall, a library call) has no closure. */
    public static final class Frames {
        LuaFunction[] fn = new LuaFunction[64];
        LuaValue[][] registers = new LuaValue[64][];
        /** Where each frame was when it called the one above it (the top frame's is {@link #lastPc()}). */
        int[] pc = new int[64];
        int n;

        void push(LuaFunction f, LuaValue[] stack) {
            if (n == fn.length) {
                fn = java.util.Arrays.copyOf(fn, n * 2);
                registers = java.util.Arrays.copyOf(registers, n * 2);
                pc = java.util.Arrays.copyOf(pc, n * 2);
            }
            fn[n] = f;
            registers[n] = stack;
            n++;
        }

        public int depth() {
            return n;
        }

        /** The function {@code level} frames down from the top (0: the running one), or null. */
        public LuaFunction function(int level) {
            return level < n ? fn[n - 1 - level] : null;
        }

        public LuaValue[] registers(int level) {
            return registers[n - 1 - level];
        }

        /** Whether the function {@code level} frames down is a Lua function (a Java function has no position). */
        public boolean isLua(int level) {
            return function(level) instanceof LuaClosure;
        }

        /** The instruction of the frame {@code level} down (level 1 and below: where it made its call). */
        int pcBelowTop(int level) {
            return pc[n - 1 - level];
        }

        /** Drops frames above {@code depth} (after a JVM stack overflow unwound them). */
        public void unwindTo(int depth) {
            if (n > depth) {
                n = depth;
            }
        }
    }

    /** The running coroutine's frames (remembered with its thread: a call costs one comparison to find them). */
    public Frames frames() {
        LuaThread t = globals.running;
        if (t != currentThread) {
            Object f = t.callstack;
            if (f == null) {
                f = new Frames();
                t.callstack = f;
            }
            currentThread = t;
            current = (Frames) f;
        }
        return current;
    }

    /** A Java function that calls back into Lua (pcall) marks its level, as 5.1 counts C functions. */
    public void enterJava(LuaFunction f) {
        Frames fr = frames();
        if (fr.n > 0) {
            fr.pc[fr.n - 1] = lastPc;
        }
        fr.push(f, null);
    }

    /** {@code file:line} of the running Lua function's current instruction, or null when Java code runs alone. */
    public String where() {
        LuaFunction f = frames().function(0);
        if (!(f instanceof LuaClosure)) {
            return null;
        }
        String w = BaseLib51.where((LuaClosure) f, lastPc);
        return w.substring(0, w.length() - 2);
    }

    /** The instruction of the frame {@code level} down from the top (0: the running one). */
    public int pc(int level) {
        return level == 0 ? lastPc : frames().pcBelowTop(level);
    }

    public void leaveJava() {
        onReturn();
    }

    /** LuaJ's xpcall marks itself here (and leaves through onReturn). */
    @Override
    public void onCall(LuaFunction f) {
        enterJava(f);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        Frames f = frames();
        if (f.n >= MAX_CALLS) {
            throw new LuaError("stack overflow"); // before the push: LuaJ's execute has not entered its try yet
        }
        if (f.n > 0) {
            f.pc[f.n - 1] = lastPc;
        }
        f.push(c, stack);
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        onStep();
        lastPc = pc;
    }

    /**
     * The instruction the innermost running Lua function is at: the last one any function began, since a callee
     * that returns hands back to its caller's next instruction. (One field, not a pc per frame: that cost a third of
     * the interpreter's speed.)
     */
    public int lastPc() {
        return lastPc;
    }

    @Override
    public void onReturn() {
        Frames f = frames();
        f.n--;
        lastPc = f.n > 0 ? f.pc[f.n - 1] : -1; // back in the caller, at its call
    }

    /**
     * LuaJ appends this to an error raised in a thread without an error function; DebugLib's own would read a call
     * stack we do not keep (coroutines get the fixer as their error function, so this is a fallback).
     */
    @Override
    public String traceback(int level) {
        return "stack traceback:\n\t[C]: ?";
    }

    /** Called before every VM instruction. */
    protected void onStep() {
    }
}

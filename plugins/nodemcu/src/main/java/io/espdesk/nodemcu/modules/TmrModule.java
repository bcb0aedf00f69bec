package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.Scheduler;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * tmr: the legacy numbered timers 0-6 (profile 1.5 only), the object API ({@code tmr.create()}), and the clock
 * functions. Alarms fire in virtual time; an AUTO alarm is re-armed before its callback runs, so the callback may
 * stop it.
 */
public final class TmrModule extends Module {
    public static final int ALARM_SINGLE = 0;
    public static final int ALARM_AUTO = 1;
    public static final int ALARM_SEMI = 2;
    static final int NUM_TMR = 7;
    static final long MAX_INTERVAL_MS = 6_870_947;

    /** One timer, numbered or created. */
    final class Timer {
        int mode = -1;
        long intervalMs;
        LuaValue callback = LuaValue.NIL;
        Scheduler.Task task;
        LuaValue self = LuaValue.NIL;

        boolean registered() {
            return mode >= 0;
        }

        boolean running() {
            return task != null && !task.cancelled();
        }

        void register(long ms, int m, LuaValue fn) {
            stop();
            intervalMs = ms;
            mode = m;
            callback = fn;
        }

        boolean start() {
            if (!registered()) {
                return false;
            }
            stop();
            task = world().scheduler().after(intervalMs * 1000, board, this::fire);
            return true;
        }

        boolean stop() {
            boolean was = running();
            if (task != null) {
                task.cancel();
                task = null;
            }
            return was;
        }

        void unregister() {
            stop();
            mode = -1;
            callback = LuaValue.NIL;
        }

        private void fire() {
            task = null;
            LuaValue fn = callback;
            if (mode == ALARM_AUTO) {
                task = world().scheduler().after(intervalMs * 1000, board, this::fire);
            } else if (mode == ALARM_SINGLE) {
                mode = -1;
                callback = LuaValue.NIL;
            }
            if (self.isnil()) {
                lua.callLua(fn);
            } else {
                lua.callLua(fn, self);
            }
        }
    }

    private final Timer[] numbered = new Timer[NUM_TMR];
    private Scheduler.Task softWatchdog;

    public TmrModule(LuaBoard lua) {
        super(lua, "tmr");
        for (int i = 0; i < NUM_TMR; i++) {
            numbered[i] = new Timer();
        }
    }

    @Override
    protected void build(LuaTable t) {
        t.set("ALARM_SINGLE", ALARM_SINGLE);
        t.set("ALARM_SEMI", ALARM_SEMI);
        t.set("ALARM_AUTO", ALARM_AUTO);
        put(t, "now", a -> LuaValue.valueOf(legacy() ? board.uptimeMicros() & 0x7FFFFFFFL : board.uptimeMicros() & 0xFFFFFFFFL));
        put(t, "time", a -> LuaValue.valueOf(board.uptimeMicros() / 1_000_000));
        put(t, "delay", a -> {
            long us = a.checklong(1);
            if (us > 0) {
                board.busyWait(us);
            }
            return none();
        });
        put(t, "wdclr", a -> {
            lua.hook().feed();
            return none();
        });
        put(t, "softwd", a -> {
            int s = a.checkint(1);
            if (softWatchdog != null) {
                softWatchdog.cancel();
                softWatchdog = null;
            }
            if (s > 0) {
                softWatchdog = world().scheduler().after(s * 1_000_000L, board, () -> {
                    board.console().print("\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\n\nwdt reset\n");
                    board.restart(2, Board.EXT_SOFT_WDT);
                });
            }
            return none();
        });
        LuaTable methods = new LuaTable();
        LuaTable mt = metatable(methods);
        put(methods, "alarm", a -> {
            Timer tm = timer(a);
            configure(tm, a, 2, "alarm");
            return LuaValue.valueOf(tm.start());
        });
        put(methods, "register", a -> {
            configure(timer(a), a, 2, "register");
            return none();
        });
        put(methods, "start", a -> LuaValue.valueOf(timer(a).start()));
        put(methods, "stop", a -> LuaValue.valueOf(timer(a).stop()));
        put(methods, "unregister", a -> {
            timer(a).unregister();
            return none();
        });
        put(methods, "interval", a -> {
            Timer tm = timer(a);
            tm.intervalMs = interval(a, 2, "interval");
            if (tm.running()) {
                tm.start();
            }
            return none();
        });
        put(methods, "state", a -> state(timer(a)));
        mt.set("__gc", LuaValue.NIL);
        put(t, "create", a -> {
            Timer tm = new Timer();
            LuaUserdata u = new LuaUserdata(tm, mt);
            tm.self = u;
            return u;
        });
        if (legacy()) {
            put(t, "alarm", a -> {
                Timer tm = numbered(a, "alarm");
                configure(tm, a, 2, "alarm");
                return LuaValue.valueOf(tm.start());
            });
            put(t, "register", a -> {
                configure(numbered(a, "register"), a, 2, "register");
                return none();
            });
            put(t, "start", a -> LuaValue.valueOf(numbered(a, "start").start()));
            put(t, "stop", a -> LuaValue.valueOf(numbered(a, "stop").stop()));
            put(t, "unregister", a -> {
                numbered(a, "unregister").unregister();
                return none();
            });
            put(t, "interval", a -> {
                Timer tm = numbered(a, "interval");
                tm.intervalMs = interval(a, 2, "interval");
                if (tm.running()) {
                    tm.start();
                }
                return none();
            });
            put(t, "state", a -> state(numbered(a, "state")));
        }
    }

    private Timer timer(Varargs a) {
        return self(a, Timer.class, "tmr.timer");
    }

    private Timer numbered(Varargs a, String fname) {
        int id = a.checkint(1);
        if (id < 0 || id >= NUM_TMR) {
            throw argError(1, fname, "invalid timer index");
        }
        return numbered[id];
    }

    private static long interval(Varargs a, int i, String fname) {
        long ms = a.checklong(i);
        if (ms <= 0 || ms > MAX_INTERVAL_MS) {
            throw argError(i, fname, "wrong arg range");
        }
        return ms;
    }

    private void configure(Timer tm, Varargs a, int first, String fname) {
        long ms = interval(a, first, fname);
        int mode = a.checkint(first + 1);
        if (mode != ALARM_SINGLE && mode != ALARM_SEMI && mode != ALARM_AUTO) {
            throw argError(first + 1, fname, "invalid timer mode");
        }
        LuaValue fn = a.arg(first + 2);
        if (!fn.isfunction()) {
            throw new LuaError("bad argument #" + (first + 2) + " to '" + fname + "' (function expected, got " + fn.typename() + ")");
        }
        tm.register(ms, mode, fn);
    }

    private static Varargs state(Timer tm) {
        if (!tm.registered()) {
            return LuaValue.NIL;
        }
        return LuaValue.varargsOf(LuaValue.valueOf(tm.running()), LuaValue.valueOf(tm.mode));
    }
}

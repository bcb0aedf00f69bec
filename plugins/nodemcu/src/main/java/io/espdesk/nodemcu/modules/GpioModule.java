package io.espdesk.nodemcu.modules;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * gpio: pins 0-12 as on a NodeMCU dev board. Outputs remember what was written (a scenario can check them);
 * inputs read what the scenario drives; trig() calls back on edges or levels of a pin in INT mode.
 */
public final class GpioModule extends Module {
    public static final int INPUT = 0;
    public static final int OUTPUT = 1;
    public static final int INT = 2;
    public static final int OPENDRAIN = 3;
    static final int PINS = 13;

    private final int[] mode = new int[PINS];
    private final String[] trigType = new String[PINS];
    private final LuaValue[] trigFn = new LuaValue[PINS];

    public GpioModule(LuaBoard lua) {
        super(lua, "gpio");
        board.gpioSink(this::inputChanged);
    }

    private static int pin(org.luaj.vm2.Varargs a, String fname) {
        int p = a.checkint(1);
        if (p < 0 || p >= PINS) {
            throw argError(1, fname, "wrong arg range");
        }
        return p;
    }

    @Override
    protected void build(LuaTable t) {
        t.set("INPUT", INPUT);
        t.set("OUTPUT", OUTPUT);
        t.set("INT", INT);
        t.set("OPENDRAIN", OPENDRAIN);
        t.set("HIGH", 1);
        t.set("LOW", 0);
        t.set("FLOAT", 0);
        t.set("PULLUP", 1);
        put(t, "mode", a -> {
            int p = pin(a, "mode");
            int m = a.checkint(2);
            if (m < INPUT || m > OPENDRAIN) {
                throw argError(2, "mode", "wrong arg range");
            }
            if (m == INT && p == 0) {
                throw argError(1, "mode", "no interrupt for pin 0");
            }
            mode[p] = m;
            board.setOutput(p, m == OUTPUT || m == OPENDRAIN);
            return none();
        });
        put(t, "read", a -> {
            int p = pin(a, "read");
            return LuaValue.valueOf(mode[p] == OUTPUT || mode[p] == OPENDRAIN ? board.outputLevel(p) : board.inputLevel(p));
        });
        put(t, "write", a -> {
            int p = pin(a, "write");
            int level = a.checkint(2);
            if (level != 0 && level != 1) {
                throw argError(2, "write", "wrong arg type");
            }
            board.setOutputLevel(p, level);
            return none();
        });
        put(t, "trig", a -> {
            int p = pin(a, "trig");
            if (mode[p] != INT) {
                throw new LuaError("pin " + p + " is not in gpio.INT mode");
            }
            String type = a.optjstring(2, "none");
            if (!type.matches("up|down|both|low|high|none")) {
                throw argError(2, "trig", "wrong arg type");
            }
            trigType[p] = "none".equals(type) ? null : type;
            LuaValue fn = a.arg(3);
            if (fn.isfunction()) {
                trigFn[p] = fn;
            }
            return none();
        });
    }

    private void inputChanged(int pin, int level) {
        String type = trigType[pin];
        if (type == null || mode[pin] != INT || trigFn[pin] == null) {
            return;
        }
        boolean fire = "both".equals(type) || ("up".equals(type) && level == 1) || ("down".equals(type) && level == 0)
                || ("high".equals(type) && level == 1) || ("low".equals(type) && level == 0);
        if (fire) {
            LuaValue fn = trigFn[pin];
            world().scheduler().after(0, board, () -> lua.callLua(fn, LuaValue.valueOf(level)));
        }
    }
}

package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.WifiSettings;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * node: restart, deep sleep (waking is a reboot with reason 5), heap, chip and flash ids, boot reason, compile
 * (the simulated board keeps the source: LuaJ runs text), output redirection and feeding the interpreter.
 */
public final class NodeModule extends Module {
    static final int FLASH_ID = 1_458_400;
    static final int FLASH_SIZE = 4 * 1024 * 1024;

    private final Interpreter interpreter;

    public NodeModule(LuaBoard lua, Interpreter interpreter) {
        super(lua, "node");
        this.interpreter = interpreter;
    }

    @Override
    protected void build(LuaTable t) {
        t.set("CPU80MHZ", 80);
        t.set("CPU160MHZ", 160);
        put(t, "restart", a -> {
            world().scheduler().after(0, board, () -> board.restart(2, Board.EXT_SOFT_RESTART));
            return none();
        });
        put(t, "dsleep", a -> {
            long us = a.optlong(1, 0);
            if (us < 0) {
                throw argError(1, "dsleep", "wrong arg range");
            }
            world().scheduler().after(0, board, () -> board.deepSleep(us));
            return none();
        });
        put(t, "heap", a -> LuaValue.valueOf(lua.heap().free()));
        put(t, "chipid", a -> LuaValue.valueOf(board.chipId()));
        put(t, "flashid", a -> LuaValue.valueOf(FLASH_ID));
        put(t, "flashsize", a -> LuaValue.valueOf(FLASH_SIZE));
        put(t, "info", a -> {
            if (!legacy()) {
                String group = a.optjstring(1, "legacy");
                switch (group) {
                    case "hw":
                        return table("chip_id", board.chipId(), "flash_id", FLASH_ID, "flash_size", FLASH_SIZE / 1024,
                                "flash_mode", 0, "flash_speed", 40_000_000);
                    case "sw_version":
                        return table("node_version_major", 3, "node_version_minor", 0, "node_version_revision", 0,
                                "git_branch", "release", "git_commit_id", "espdesk-simulated", "git_release", "3.0.0-espdesk",
                                "git_commit_dts", "202401010000");
                    case "build_config":
                        return table("ssl", false, "lfs_size", 0, "modules", lua.moduleNames(), "number_type", "float");
                    case "lfs":
                        return table("lfs_size", 0);
                    case "legacy":
                        interpreter.out("Warning, deprecated API! node.info() without parameter. It will be removed in the next version."
                                + " See documentation for details.\n");
                        break;
                    default:
                        throw argError(1, "info", "invalid option '" + group + "'");
                }
            }
            int[] v = legacy() ? new int[] {1, 5, 4} : new int[] {3, 0, 0};
            return LuaValue.varargsOf(new LuaValue[] {LuaValue.valueOf(v[0]), LuaValue.valueOf(v[1]), LuaValue.valueOf(v[2]),
                LuaValue.valueOf(board.chipId()), LuaValue.valueOf(FLASH_ID), LuaValue.valueOf(FLASH_SIZE / 1024),
                LuaValue.valueOf(0), LuaValue.valueOf(40_000_000)});
        });
        put(t, "bootreason", a -> LuaValue.varargsOf(LuaValue.valueOf(board.rawResetReason()), LuaValue.valueOf(board.extResetReason())));
        put(t, "compile", a -> {
            String name = a.checkjstring(1);
            byte[] src = board.flash().read(name);
            if (src == null) {
                throw new LuaError("cannot open " + name);
            }
            String base = name.endsWith(".lua") ? name.substring(0, name.length() - 4) : name;
            board.flash().write(base + ".lc", src.clone());
            return none();
        });
        put(t, "input", a -> {
            interpreter.feedLine(a.checkjstring(1));
            return none();
        });
        put(t, "output", a -> {
            interpreter.redirect(a.arg1().isfunction() ? a.arg1() : LuaValue.NIL, a.optint(2, 1) != 0);
            return none();
        });
        put(t, "setcpufreq", a -> LuaValue.valueOf(a.checkint(1)));
        put(t, "getcpufreq", a -> LuaValue.valueOf(80));
        put(t, "restore", a -> {
            WifiSettings w = board.wifi();
            w.mode = WifiSettings.STATION;
            w.staSsid = null;
            w.staPwd = "";
            w.apSsid = null;
            w.apPwd = "";
            return none();
        });
        LuaTable egc = new LuaTable();
        put(egc, "setmode", a -> none());
        t.set("egc", egc);
        if (!legacy()) {
            put(t, "random", a -> {
                java.util.Random r = board.world().random();
                if (a.narg() == 0) {
                    return LuaValue.valueOf(r.nextDouble());
                }
                long lo = a.narg() >= 2 ? a.checklong(1) : 1;
                long hi = a.narg() >= 2 ? a.checklong(2) : a.checklong(1);
                return LuaValue.valueOf(lo + (long) (r.nextDouble() * (hi - lo + 1)));
            });
        }
    }

    /** A table of name/value pairs (numbers, strings, booleans). */
    private static LuaTable table(Object... kv) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            t.set((String) kv[i], v instanceof Integer ? LuaValue.valueOf((Integer) v)
                    : v instanceof Boolean ? LuaValue.valueOf((Boolean) v) : LuaValue.valueOf(String.valueOf(v)));
        }
        return t;
    }
}

package io.espdesk.nodemcu.modules;

import java.util.HashSet;
import java.util.Set;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A firmware module the board does not simulate (adc, i2c, mqtt …) is absent, as on a firmware built without it, so
 * the script fails as it would there ({@code attempt to index global 'adc' (a nil value)}); the first use also warns,
 * once per module and boot, with the line: {@code init.lua:3: module 'adc' is not simulated by espdesk}. Done by a
 * metatable on the globals, which only sees names that are not there.
 */
final class UnsimulatedModules {
    /** The modules of nodemcu-firmware's app/modules, as scripts name them. */
    private static final Set<String> FIRMWARE = Set.of("adc", "ads1115", "adxl345", "am2320", "apa102", "bh1750", "bloom",
            "bme280", "bme280_math", "bme680", "bmp085", "coap", "color_utils", "cron", "crypto", "dcc", "dht", "encoder",
            "enduser_setup", "gdbstub", "gpio_pulse", "hdc1080", "hmc5883l", "http", "hx711", "i2c", "l3g4200d", "mcp4725",
            "mdns", "mqtt", "net", "ow", "pcm", "perf", "pipe", "pwm", "pwm2", "rfswitch", "rotary", "rtcfifo", "rtcmem",
            "rtctime", "si7021", "sigma_delta", "sntp", "softuart", "somfy", "spi", "struct", "switec", "tcs34725", "tls",
            "tm1829", "tsl2561", "u8g2", "ucg", "websocket", "wiegand", "wps", "ws2801", "ws2812", "ws2812_effects",
            "xpt2046", "lpeg", "file", "gpio", "node", "tmr", "uart", "wifi", "sjson", "bit", "cjson");

    private UnsimulatedModules() {
    }

    static void install(Globals g, LuaBoard lua) {
        Set<String> warned = new HashSet<>();
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                LuaValue key = a.arg(2);
                if (key.isstring() && FIRMWARE.contains(key.tojstring()) && warned.add(key.tojstring())) {
                    String where = lua.hook().where();
                    lua.board().world().warn(lua.board(), (where == null ? "" : where + ": ") + "module '" + key.tojstring()
                            + "' is not simulated by espdesk");
                }
                return NIL;
            }
        });
        g.setmetatable(meta);
    }
}

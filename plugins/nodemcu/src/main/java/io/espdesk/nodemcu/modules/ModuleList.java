package io.espdesk.nodemcu.modules;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules a firmware build offers, per profile, kept apart from the Lua core as nodemcu-firmware keeps its
 * module selection apart from its Lua: a module the list lacks is simply absent on the board.
 */
final class ModuleList {
    private ModuleList() {
    }

    static List<Module> of(LuaBoard lua, Interpreter interpreter) {
        List<Module> modules = new ArrayList<>(List.of(
                new TmrModule(lua),
                new NodeModule(lua, interpreter),
                new WifiModule(lua),
                new NetModule(lua),
                new UartModule(lua, interpreter),
                new FileModule(lua),
                new GpioModule(lua),
                new SjsonModule(lua, "sjson"),
                new BitModule(lua),
                new EncoderModule(lua),
                new CryptoModule(lua)));
        if (lua.legacy()) {
            modules.add(new SjsonModule(lua, "cjson")); // the 1.5 builds' name for it
        } else {
            modules.add(interpreter.pipes()); // 3.0 has pipes; node.output hands its function one
        }
        return modules;
    }
}

package io.espdesk.nodemcu.lua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.compiler.LuaC;

/** Compiles a board's Lua files without running them, so a syntax error is named with its file before the run. */
public final class ScriptCheck {
    private ScriptCheck() {
    }

    /** One line per file that does not compile: {@code DIR/init.lua:3: '=' expected near 'x'}. */
    public static List<String> syntaxErrors(Path boardDir) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(boardDir, "*.lua")) {
            for (Path f : ds) {
                try (InputStream in = Files.newInputStream(f)) {
                    LuaC.instance.compile(in, "@" + f.getFileName());
                } catch (LuaError e) {
                    String msg = LuaErrors.fix(String.valueOf(e.getMessage()));
                    out.add(boardDir.resolve(msg.startsWith(f.getFileName().toString()) ? msg : f.getFileName() + ": " + msg).toString());
                }
            }
        } catch (IOException e) {
            out.add(boardDir + ": cannot read: " + e.getMessage());
        }
        return out;
    }
}

package io.espdesk.nodemcu.modules;

import java.util.Base64;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** encoder: toBase64, fromBase64, toHex (lower case), fromHex, on bytes, with the firmware's errors. */
public final class EncoderModule extends Module {
    public EncoderModule(LuaBoard lua) {
        super(lua, "encoder");
    }

    static byte[] bytes(Varargs a, int i) {
        LuaString s = a.checkstring(i);
        byte[] b = new byte[s.length()];
        s.copyInto(0, b, 0, b.length);
        return b;
    }

    static LuaValue hex(byte[] b) {
        byte[] out = new byte[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = (byte) Character.forDigit((b[i] >> 4) & 15, 16);
            out[2 * i + 1] = (byte) Character.forDigit(b[i] & 15, 16);
        }
        return LuaValue.valueOf(out);
    }

    static LuaValue base64(byte[] b) {
        return LuaValue.valueOf(Base64.getEncoder().encode(b));
    }

    @Override
    protected void build(LuaTable t) {
        put(t, "toBase64", a -> base64(bytes(a, 1)));
        put(t, "toHex", a -> hex(bytes(a, 1)));
        put(t, "fromBase64", a -> {
            byte[] in = bytes(a, 1);
            if (in.length % 4 != 0) {
                throw new LuaError("Invalid base64 string");
            }
            try {
                return LuaValue.valueOf(Base64.getDecoder().decode(in));
            } catch (IllegalArgumentException e) {
                throw new LuaError("Invalid base64 string");
            }
        });
        put(t, "fromHex", a -> {
            byte[] in = bytes(a, 1);
            if (in.length % 2 != 0) {
                throw new LuaError("Invalid hex string");
            }
            byte[] out = new byte[in.length / 2];
            for (int i = 0; i < out.length; i++) {
                int hi = Character.digit(in[2 * i], 16);
                int lo = Character.digit(in[2 * i + 1], 16);
                if (hi < 0 || lo < 0) {
                    throw new LuaError("Invalid hex string");
                }
                out[i] = (byte) (hi << 4 | lo);
            }
            return LuaValue.valueOf(out);
        });
    }
}

package io.espdesk.nodemcu.modules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * crypto: hash, fhash, hmac, new_hash and new_hmac objects (update, finalize), sha1, mask, with the firmware's
 * mechanisms (MD5, SHA1, SHA224, SHA256, SHA384, SHA512) and errors; digests are binary strings, as on the board.
 * The 1.5 profile also has toHex and toBase64 (3.0 moved them to encoder). encrypt/decrypt (AES) are not simulated.
 */
public final class CryptoModule extends Module {
    private static final Map<String, String> MECHANISMS = Map.of("MD5", "MD5", "SHA1", "SHA-1", "SHA224", "SHA-224",
            "SHA256", "SHA-256", "SHA384", "SHA-384", "SHA512", "SHA-512");

    /** A running hash or hmac: crypto.new_hash / new_hmac. */
    private static final class Running {
        final MessageDigest digest;
        final Mac mac;

        Running(MessageDigest digest, Mac mac) {
            this.digest = digest;
            this.mac = mac;
        }
    }

    private final LuaTable runningMeta;

    public CryptoModule(LuaBoard lua) {
        super(lua, "crypto");
        LuaTable m = new LuaTable();
        put(m, "update", a -> {
            Running r = self(a, Running.class, "hasher");
            byte[] b = EncoderModule.bytes(a, 2);
            if (r.mac != null) {
                r.mac.update(b);
            } else {
                r.digest.update(b);
            }
            return none();
        });
        put(m, "finalize", a -> {
            Running r = self(a, Running.class, "hasher");
            return LuaValue.valueOf(r.mac != null ? r.mac.doFinal() : r.digest.digest());
        });
        runningMeta = metatable(m);
    }

    private static String mechanism(Varargs a) {
        String m = MECHANISMS.get(a.checkjstring(1).toUpperCase(Locale.ROOT));
        if (m == null) {
            throw new LuaError("unknown hash mech");
        }
        return m;
    }

    private static MessageDigest digest(String m) {
        try {
            return MessageDigest.getInstance(m);
        } catch (NoSuchAlgorithmException e) {
            throw new LuaError("unknown hash mech");
        }
    }

    private static Mac mac(String m, byte[] key) {
        String name = "Hmac" + m.replace("-", "");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name)); // an empty key is all zeros in HMAC
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new LuaError("unknown hash mech");
        }
    }

    @Override
    protected void build(LuaTable t) {
        put(t, "hash", a -> LuaValue.valueOf(digest(mechanism(a)).digest(EncoderModule.bytes(a, 2))));
        put(t, "fhash", a -> {
            String m = mechanism(a);
            byte[] content = board.flash().read(a.checkjstring(2));
            if (content == null) {
                throw new LuaError("file does not exist");
            }
            return LuaValue.valueOf(digest(m).digest(content));
        });
        put(t, "hmac", a -> LuaValue.valueOf(mac(mechanism(a), EncoderModule.bytes(a, 3)).doFinal(EncoderModule.bytes(a, 2))));
        put(t, "new_hash", a -> new LuaUserdata(new Running(digest(mechanism(a)), null), runningMeta));
        put(t, "new_hmac", a -> new LuaUserdata(new Running(null, mac(mechanism(a), EncoderModule.bytes(a, 2))), runningMeta));
        put(t, "sha1", a -> LuaValue.valueOf(digest("SHA-1").digest(EncoderModule.bytes(a, 1))));
        put(t, "mask", a -> {
            byte[] msg = EncoderModule.bytes(a, 1);
            byte[] mask = EncoderModule.bytes(a, 2);
            if (mask.length == 0) {
                throw new LuaError("invalid argument: mask");
            }
            for (int i = 0; i < msg.length; i++) {
                msg[i] ^= mask[i % mask.length];
            }
            return LuaValue.valueOf(msg);
        });
        if (legacy()) {
            put(t, "toHex", a -> EncoderModule.hex(EncoderModule.bytes(a, 1)));
            put(t, "toBase64", a -> EncoderModule.base64(EncoderModule.bytes(a, 1)));
        }
    }
}

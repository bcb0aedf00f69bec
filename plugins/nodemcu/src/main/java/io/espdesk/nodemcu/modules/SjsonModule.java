package io.espdesk.nodemcu.modules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * sjson (and, on the 1.5 profile, its predecessor cjson): JSON to and from Lua tables. A table whose keys are
 * 1..n is an array; {@code sjson.NULL} stands for JSON null. Gson does the parsing and the escaping.
 */
public final class SjsonModule extends Module {
    static final int MAX_DEPTH = 20;
    private final LuaValue nullValue = new LuaUserdata("sjson.NULL");

    public SjsonModule(LuaBoard lua, String name) {
        super(lua, name);
    }

    @Override
    protected void build(LuaTable t) {
        t.set("NULL", nullValue);
        put(t, "encode", a -> {
            LuaValue v = a.arg1();
            if (!v.istable()) {
                throw argError(1, "encode", "table expected, got " + v.typename());
            }
            StringWriter out = new StringWriter();
            try (JsonWriter w = new JsonWriter(out)) {
                w.setSerializeNulls(true);
                w.setHtmlSafe(false);
                write(w, v, 0);
            } catch (IOException e) {
                throw new LuaError(e.getMessage());
            }
            return LuaValue.valueOf(out.toString());
        });
        put(t, "decode", a -> {
            String text = a.checkjstring(1);
            try {
                JsonReader r = new JsonReader(new StringReader(text));
                r.setStrictness(Strictness.STRICT);
                JsonElement e = JsonParser.parseReader(r);
                if (r.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                    throw new LuaError("JSON parse error: trailing data");
                }
                return toLua(e, 0);
            } catch (JsonParseException | IOException | IllegalStateException e) {
                String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                int cut = m.indexOf("\nSee ");
                throw new LuaError("JSON parse error: " + (cut > 0 ? m.substring(0, cut) : m));
            }
        });
    }

    private void write(JsonWriter w, LuaValue v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new LuaError("Cannot encode: nested too deeply");
        }
        if (v == nullValue || v.isnil()) {
            w.nullValue();
        } else if (v.isboolean()) {
            w.value(v.toboolean());
        } else if (v.type() == LuaValue.TNUMBER) {
            double d = v.todouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                w.value((long) d);
            } else {
                w.value(d);
            }
        } else if (v.isstring()) {
            w.value(v.tojstring());
        } else if (v.istable()) {
            LuaTable t = (LuaTable) v;
            int n = t.length();
            if (n > 0 && countKeys(t) == n) {
                w.beginArray();
                for (int i = 1; i <= n; i++) {
                    write(w, t.get(i), depth + 1);
                }
                w.endArray();
            } else {
                w.beginObject();
                for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
                    if (!k.isstring() && k.type() != LuaValue.TNUMBER) {
                        throw new LuaError("Cannot encode a key of type " + k.typename());
                    }
                    w.name(k.tojstring());
                    write(w, t.get(k), depth + 1);
                }
                w.endObject();
            }
        } else {
            throw new LuaError("Cannot encode type " + v.typename());
        }
    }

    private static int countKeys(LuaTable t) {
        int c = 0;
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            c++;
        }
        return c;
    }

    private LuaValue toLua(JsonElement e, int depth) {
        if (depth > MAX_DEPTH) {
            throw new LuaError("JSON parse error: nested too deeply");
        }
        if (e == null || e.isJsonNull()) {
            return nullValue;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return LuaValue.valueOf(p.getAsBoolean());
            }
            if (p.isNumber()) {
                double d = p.getAsDouble();
                return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? LuaValue.valueOf((int) d) : LuaValue.valueOf(d);
            }
            return LuaValue.valueOf(p.getAsString());
        }
        LuaTable t = new LuaTable();
        if (e.isJsonArray()) {
            JsonArray arr = e.getAsJsonArray();
            for (int i = 0; i < arr.size(); i++) {
                t.set(i + 1, toLua(arr.get(i), depth + 1));
            }
        } else {
            JsonObject o = e.getAsJsonObject();
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                t.set(m.getKey(), toLua(m.getValue(), depth + 1));
            }
        }
        return t;
    }
}

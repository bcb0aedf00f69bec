package io.espdesk.api.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON value with its place in the file. Accessors check types and keys and throw
 * {@link JsonConfigException} pointing at the offending value, so binding code stays a list of plain calls.
 */
public final class JsonNode {
    /** The JSON kinds. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    private final String file;
    private final int line;
    private final int column;
    private final Kind kind;
    private final Object scalar;
    private final Map<String, JsonNode> members;
    private final Map<String, int[]> keyPlaces;
    private final List<JsonNode> items;

    JsonNode(String file, int line, int column, Kind kind, Object scalar,
             Map<String, JsonNode> members, Map<String, int[]> keyPlaces, List<JsonNode> items) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.scalar = scalar;
        this.members = members;
        this.keyPlaces = keyPlaces;
        this.items = items;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** An error at this value. */
    public JsonConfigException error(String reason) {
        return new JsonConfigException(file, line, column, reason);
    }

    /** This value as an object; an error naming {@code what} otherwise. */
    public JsonNode requireObject(String what) {
        if (kind != Kind.OBJECT) {
            throw error("expected " + what + " (a JSON object) but found " + describe());
        }
        return this;
    }

    /** Members of an object, in file order. */
    public Map<String, JsonNode> members() {
        requireObject("an object");
        return Collections.unmodifiableMap(members);
    }

    /** Items of an array, in file order. */
    public List<JsonNode> items() {
        if (kind != Kind.ARRAY) {
            throw error("expected an array but found " + describe());
        }
        return Collections.unmodifiableList(items);
    }

    /** Rejects any key of this object that is not in {@code known}, pointing at the key. */
    public JsonNode allowKeys(Set<String> known) {
        requireObject("an object");
        for (String k : members.keySet()) {
            if (!known.contains(k)) {
                int[] at = keyPlaces.get(k);
                throw new JsonConfigException(file, at[0], at[1],
                        "unknown key \"" + k + "\" (expected one of: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return kind == Kind.OBJECT && members.containsKey(key);
    }

    /** The member {@code key}, or null when absent. */
    public JsonNode get(String key) {
        requireObject("an object");
        return members.get(key);
    }

    /** The member {@code key}; an error at this object when absent. */
    public JsonNode require(String key) {
        JsonNode n = get(key);
        if (n == null) {
            throw error("missing key \"" + key + "\"");
        }
        return n;
    }

    public String asString() {
        if (kind != Kind.STRING) {
            throw error("expected a string but found " + describe());
        }
        return (String) scalar;
    }

    public boolean asBoolean() {
        if (kind != Kind.BOOLEAN) {
            throw error("expected true or false but found " + describe());
        }
        return (Boolean) scalar;
    }

    public double asNumber() {
        if (kind != Kind.NUMBER) {
            throw error("expected a number but found " + describe());
        }
        return (Double) scalar;
    }

    /** A whole number in {@code [min, max]}. */
    public long asLong(long min, long max) {
        double d = asNumber();
        if (d != Math.rint(d)) {
            throw error("expected a whole number but found " + describe());
        }
        if (d < min || d > max) {
            throw error("expected a number from " + min + " to " + max + " but found " + scalarText());
        }
        return (long) d;
    }

    public String string(String key, String fallback) {
        JsonNode n = get(key);
        return n == null ? fallback : n.asString();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode n = get(key);
        return n == null ? fallback : n.asBoolean();
    }

    public long integer(String key, long fallback, long min, long max) {
        JsonNode n = get(key);
        return n == null ? fallback : n.asLong(min, max);
    }

    /** The items of array member {@code key}, or an empty list when absent. */
    public List<JsonNode> array(String key) {
        JsonNode n = get(key);
        return n == null ? List.of() : n.items();
    }

    /** A short description of what this value is, for error messages. */
    public String describe() {
        switch (kind) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case NULL: return "null";
            case STRING: return "the string \"" + scalar + "\"";
            case BOOLEAN: return String.valueOf(scalar);
            default: return "the number " + scalarText();
        }
    }

    private String scalarText() {
        double d = (Double) scalar;
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    static JsonNode object(String file, int line, int column, LinkedHashMap<String, JsonNode> m, Map<String, int[]> keys) {
        return new JsonNode(file, line, column, Kind.OBJECT, null, m, keys, null);
    }

    static JsonNode array(String file, int line, int column, ArrayList<JsonNode> items) {
        return new JsonNode(file, line, column, Kind.ARRAY, null, null, null, items);
    }

    static JsonNode scalar(String file, int line, int column, Kind kind, Object value) {
        return new JsonNode(file, line, column, kind, value, null, null, null);
    }
}

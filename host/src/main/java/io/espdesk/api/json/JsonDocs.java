package io.espdesk.api.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses strict JSON into {@link JsonNode}s that remember their line and column. Gson's streaming reader does the
 * lexing; it only reveals its position through {@code toString()}, which this class reads.
 */
public final class JsonDocs {
    private static final Pattern PLACE = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonDocs() {
    }

    /** Reads and parses a file; {@code shownName} is how the file is named in errors (e.g. {@code conf/links.json}). */
    public static JsonNode read(Path file, String shownName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new JsonConfigException(shownName, 1, 1, "file not found");
        } catch (IOException e) {
            throw new JsonConfigException(shownName, 1, 1, "cannot read: " + e.getMessage());
        }
        return parse(text, shownName);
    }

    /** Parses JSON text; errors name {@code shownName}. */
    public static JsonNode parse(String text, String shownName) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        try {
            JsonNode root = value(r, shownName);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                int[] at = place(r, 0);
                throw new JsonConfigException(shownName, at[0], at[1], "malformed JSON: more data after the end of the document");
            }
            return root;
        } catch (JsonConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            int[] at = place(r, 0);
            String msg = String.valueOf(e.getMessage());
            Matcher m = PLACE.matcher(msg);
            if (m.find()) {
                at = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
            int cut = msg.indexOf(" at line ");
            String what = cut > 0 ? msg.substring(0, cut) : msg;
            if (text.isBlank()) {
                what = "the file is empty";
            }
            throw new JsonConfigException(shownName, at[0], at[1], "malformed JSON: " + what);
        }
    }

    private static JsonNode value(JsonReader r, String file) throws IOException {
        JsonToken t = r.peek();
        // after peek() Gson has consumed an opening quote or bracket but not the first character of a literal
        int[] at = place(r, (t == JsonToken.STRING || t == JsonToken.BEGIN_OBJECT || t == JsonToken.BEGIN_ARRAY) ? 1 : 0);
        switch (t) {
            case BEGIN_OBJECT: {
                r.beginObject();
                LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>();
                Map<String, int[]> keys = new HashMap<>();
                while (r.hasNext()) {
                    int[] keyAt = place(r, 1);
                    String name = r.nextName();
                    if (members.containsKey(name)) {
                        throw new JsonConfigException(file, keyAt[0], keyAt[1], "duplicate key \"" + name + "\"");
                    }
                    keys.put(name, keyAt);
                    members.put(name, value(r, file));
                }
                r.endObject();
                return JsonNode.object(file, at[0], at[1], members, keys);
            }
            case BEGIN_ARRAY: {
                r.beginArray();
                ArrayList<JsonNode> items = new ArrayList<>();
                while (r.hasNext()) {
                    items.add(value(r, file));
                }
                r.endArray();
                return JsonNode.array(file, at[0], at[1], items);
            }
            case STRING:
                return JsonNode.scalar(file, at[0], at[1], JsonNode.Kind.STRING, r.nextString());
            case NUMBER:
                return JsonNode.scalar(file, at[0], at[1], JsonNode.Kind.NUMBER, r.nextDouble());
            case BOOLEAN:
                return JsonNode.scalar(file, at[0], at[1], JsonNode.Kind.BOOLEAN, r.nextBoolean());
            case NULL:
                r.nextNull();
                return JsonNode.scalar(file, at[0], at[1], JsonNode.Kind.NULL, null);
            default:
                throw new IOException("unexpected " + t + " at line " + at[0] + " column " + at[1]);
        }
    }

    private static int[] place(JsonReader r, int back) {
        try {
            r.peek(); // positions the reader on the next token (skips white space and separators)
        } catch (IOException | RuntimeException ignored) {
            // the caller reports the syntax error itself
        }
        Matcher m = PLACE.matcher(r.toString());
        if (!m.find()) {
            return new int[] {1, 1};
        }
        return new int[] {Integer.parseInt(m.group(1)), Math.max(1, Integer.parseInt(m.group(2)) - back)};
    }
}

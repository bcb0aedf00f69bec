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
        Places places = new Places(text);
        try {
            JsonNode root = value(r, shownName, places, 0);
            int after = places.offset(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                int[] at = places.tokenAt(after);
                throw new JsonConfigException(shownName, at[0], at[1], "malformed JSON: more data after the end of the document");
            }
            return root;
        } catch (JsonConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            int[] at = {1, 1};
            Matcher m = PLACE.matcher(msg);
            if (m.find()) {
                at = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
            int cut = msg.indexOf(" at line ");
            String what = cut > 0 ? msg.substring(0, cut) : msg;
            if (what.contains("setStrictness") || what.contains("setLenient")) {
                // Gson's advice to relax parsing says nothing about the file: name the character instead
                String line = text.split("\n", -1)[Math.max(0, Math.min(at[0], text.split("\n", -1).length) - 1)];
                int c = at[1] - 2; // Gson's column is just past the character it refused
                what = c >= 0 && c < line.length() ? "unexpected character '" + line.charAt(c) + "'" : "unexpected character";
                at = new int[] {at[0], Math.max(1, at[1] - 1)};
            }
            if (text.isBlank()) {
                what = "the file is empty";
            } else if (what.startsWith("End of input")) {
                what = "the file ends before an object or array is closed";
            }
            throw new JsonConfigException(shownName, at[0], at[1], "malformed JSON: " + what);
        }
    }

    /**
     * Reads one value. {@code mark} is the text offset just after the previous token: Gson's own position after
     * peek() differs by token kind, so the start of this token is found by skipping separators from the mark.
     */
    private static JsonNode value(JsonReader r, String file, Places places, int mark) throws IOException {
        int[] at = places.tokenAt(mark);
        JsonToken t = r.peek();
        switch (t) {
            case BEGIN_OBJECT: {
                r.beginObject();
                LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>();
                Map<String, int[]> keys = new HashMap<>();
                int m = places.offset(r);
                while (r.hasNext()) {
                    int[] keyAt = places.tokenAt(m);
                    String name = r.nextName();
                    if (members.containsKey(name)) {
                        throw new JsonConfigException(file, keyAt[0], keyAt[1], "duplicate key \"" + name + "\"");
                    }
                    keys.put(name, keyAt);
                    members.put(name, value(r, file, places, places.offset(r)));
                    m = places.offset(r);
                }
                r.endObject();
                return JsonNode.object(file, at[0], at[1], members, keys);
            }
            case BEGIN_ARRAY: {
                r.beginArray();
                ArrayList<JsonNode> items = new ArrayList<>();
                int m = places.offset(r);
                while (r.hasNext()) {
                    items.add(value(r, file, places, m));
                    m = places.offset(r);
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

    /** Converts between Gson's line/column and offsets in the text. */
    private static final class Places {
        private final String text;
        private final int[] lineStarts;

        Places(String text) {
            this.text = text;
            ArrayList<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The reader's current offset: just after the last token it consumed (before any peek). */
        int offset(JsonReader r) {
            Matcher m = PLACE.matcher(r.toString());
            if (!m.find()) {
                return 0;
            }
            int line = Integer.parseInt(m.group(1));
            int col = Integer.parseInt(m.group(2));
            return Math.min(text.length(), lineStarts[Math.min(line, lineStarts.length) - 1] + col - 1);
        }

        /** Line and column (1-based) of the first token at or after {@code offset}. */
        int[] tokenAt(int offset) {
            int i = offset;
            while (i < text.length() && " \t\r\n,:".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int line = 0;
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= i) {
                line++;
            }
            return new int[] {line + 1, i - lineStarts[line] + 1};
        }
    }
}

package io.espdesk.lua51;

/**
 * How Lua 5.1 names a chunk in messages (luaO_chunkid, LUA_IDSIZE 60), which LuaJ's {@code Lua.chunkid} is
 * redirected to at build time: {@code =name} as it is, {@code @file} with its tail when long, and a source string as
 * {@code [string "first line..."]}, cut at the first line end or 43 characters. LuaJ cuts only by length, so a
 * multi-line chunk's name carried its newlines into the error line.
 */
public final class ChunkNames {
    private static final int ID_SIZE = 60;

    private ChunkNames() {
    }

    public static String chunkid(String source) {
        if (source.startsWith("=")) {
            String s = source.substring(1);
            return s.length() > ID_SIZE - 1 ? s.substring(0, ID_SIZE - 1) : s;
        }
        if (source.startsWith("@")) {
            String s = source.substring(1);
            int room = ID_SIZE - " '...' ".length() - 1;
            return s.length() > room ? "..." + s.substring(s.length() - room) : s;
        }
        int len = 0;
        while (len < source.length() && source.charAt(len) != '\n' && source.charAt(len) != '\r') {
            len++;
        }
        int room = ID_SIZE - " [string \"...\"] ".length() - 1;
        len = Math.min(len, room);
        return "[string \"" + (len < source.length() ? source.substring(0, len) + "..." : source) + "\"]";
    }
}

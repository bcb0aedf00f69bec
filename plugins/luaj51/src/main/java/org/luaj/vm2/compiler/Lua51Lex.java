package org.luaj.vm2.compiler;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaError;

/**
 * Lua 5.1's syntax error text, which {@code LexState.lexerror} is redirected to at build time: LuaJ drops the
 * {@code near 'token'} part that 5.1 adds ({@code stdin:1: 'end' expected near '<eof>'}), names the end of input
 * {@code <eos>} (5.2) where 5.1 says {@code <eof>}, and spells an unexpected token as its code. Interactive
 * interpreters rely on the exact {@code near '<eof>'} ending to ask for a continuation line. In LuaJ's package
 * because the lexer's state it reads is package-private.
 */
public final class Lua51Lex {
    private Lua51Lex() {
    }

    public static void lexerror(LexState ls, String msg, int token) {
        if (msg.startsWith("unexpected symbol ")) {
            msg = "unexpected symbol"; // LuaJ: "unexpected symbol 286 (Ğ)"
        }
        String where = Lua.chunkid(ls.source.tojstring()) + ":" + ls.linenumber + ": " + msg;
        if (token != 0) {
            String near = ls.txtToken(token);
            where += " near '" + ("<eos>".equals(near) ? "<eof>" : near) + "'";
        }
        throw new LuaError(where);
    }
}

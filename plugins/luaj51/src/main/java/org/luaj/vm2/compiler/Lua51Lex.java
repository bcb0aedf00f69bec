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

    /**
     * Before each statement (LexState.statement is wrapped at build time): 5.1 has no empty statement, so a ';' is
     * only allowed right after a statement ({@code a = 1;} but not {@code ;;} nor {@code do ; end}), and after
     * {@code break} the block must end. LuaJ's parser has 5.2's grammar, which allows both. {@code st} is the parse's
     * own state, a field the build adds to LexState: [0] a ';' may come now (right after a statement), [1] the block
     * must end (after break).
     */
    public static int beforeStatement(boolean[] st, LexState ls, int token) {
        if (token == ';') {
            if (!st[0]) {
                lexerror(ls, "unexpected symbol", token);
            }
            st[0] = false;
            return token;
        }
        if (st[1]) {
            lexerror(ls, "'end' expected", token); // 5.1: break must be the last statement of its block
        }
        st[0] = false;
        return token;
    }

    public static void afterStatement(boolean[] st, int token) {
        if (token != ';') {
            st[0] = true;
            st[1] = token == LexState.TK_BREAK;
        }
    }

    /** A block ended (the parser reached its 'end', 'until', 'else' …): a break before it was last, as it must be. */
    public static void blockEnded(boolean[] st) {
        st[1] = false;
    }

    public static void lexerror(LexState ls, String msg, int token) {
        if (msg.startsWith("unexpected symbol ")) {
            msg = "unexpected symbol"; // LuaJ: "unexpected symbol 286 (Ğ)"
        } else if (msg.equals("syntax error") && token != '=' && token != ',') {
            msg = "'=' expected"; // 5.1's exprstat goes on to an assignment and wants its '=' ("a b")
        }
        String where = Lua.chunkid(ls.source.tojstring()) + ":" + ls.linenumber + ": " + msg;
        if (token != 0) {
            String near = ls.txtToken(token);
            int nul = near.indexOf('\0');
            if (nul >= 0) {
                near = near.substring(0, nul); // LuaJ's buffer keeps the terminating 0 a C string would stop at
            }
            where += " near '" + ("<eos>".equals(near) ? "<eof>" : near) + "'";
        }
        throw new LuaError(where);
    }

    /**
     * Before a call's arguments (LexState.funcargs is wrapped at build time): 5.1 refuses a '(' on a line after the
     * function expression, which could also be read as a new statement ({@code a = f} then {@code (g)()}).
     */
    public static void beforeCallArguments(LexState ls, int token) {
        if (token == '(' && ls.linenumber != ls.lastline) {
            lexerror(ls, "ambiguous syntax (function call x new statement)", token);
        }
    }
}

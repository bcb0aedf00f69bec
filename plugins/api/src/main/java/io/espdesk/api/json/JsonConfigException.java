package io.espdesk.api.json;

/** A configuration error at a place in a file; its message is one line: {@code FILE:LINE:COLUMN: what}. */
public final class JsonConfigException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public JsonConfigException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
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

    /** The message without the place. */
    public String reason() {
        return reason;
    }
}

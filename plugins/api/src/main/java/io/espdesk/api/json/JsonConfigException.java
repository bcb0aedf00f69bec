package io.espdesk.api.json;

/**
 * A configuration error at a place in a file; its message is one line: {@code FILE:LINE:COLUMN: what}, or
 * {@code PATH: what} for a file or folder as a whole (line and column 0).
 */
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

    /** An error about a file or folder as a whole, where no line and column apply. */
    public JsonConfigException(String path, String reason) {
        super(path + ": " + reason);
        this.file = path;
        this.line = 0;
        this.column = 0;
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

package io.espdesk.host.felix;

/**
 * The one-line-per-event output of the host. Implementations print them (the command line) or collect them
 * (tests). Called from several threads.
 */
public interface PluginEvents {
    void line(String text);
}

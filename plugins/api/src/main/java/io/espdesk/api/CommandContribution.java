package io.espdesk.api;

/**
 * A subcommand a module adds to the {@code espdesk} command line, found with {@link java.util.ServiceLoader}
 * on the command line's classpath (e.g. {@code espdesk sim} from the nodemcu runtime).
 * {@link #command()} returns a picocli-annotated object; the host adds it under {@link #name()}.
 */
public interface CommandContribution {

    /** The subcommand's name, e.g. {@code sim}. */
    String name();

    /** A fresh picocli {@code @Command} object (a {@code Callable<Integer>} or {@code Runnable}). */
    Object command();
}

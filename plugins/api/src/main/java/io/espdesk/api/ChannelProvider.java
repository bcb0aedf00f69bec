package io.espdesk.api;

import java.io.IOException;
import java.util.Set;

/**
 * Opens channels for one or more address schemes. A plugin registers an instance as an OSGi service
 * under this interface; the host tracks it and routes every address whose scheme it names here.
 * When the service goes away, the host closes every channel it opened.
 */
public interface ChannelProvider {

    /** The schemes this provider opens, lower case, without "://" or ":" (e.g. {@code tcp}, {@code tcp-listen}). */
    Set<String> schemes();

    /**
     * Checks an address without opening anything, so that configuration errors surface before a link starts.
     * Throw {@link IllegalArgumentException} with a message a user can act on (unknown option, bad port …).
     */
    default void validate(ChannelAddress address) {
    }

    /** How addresses of {@code scheme} are written and which options they take, for the help texts; null says nothing. */
    default SchemeHelp help(String scheme) {
        return null;
    }

    /**
     * Opens a channel. May block briefly (e.g. binding a port); a client that cannot reach its peer yet should
     * either throw {@link IOException} (the link retries with back-off) or return a channel that reconnects by
     * itself and reports progress with {@link ChannelListener#onStatus}.
     */
    Channel open(ChannelAddress address) throws IOException;
}

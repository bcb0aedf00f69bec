package io.espdesk.host.conf;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code conf/} says, checked as a whole before anything starts.
 *
 * @param bundles      the watched plugin folder
 * @param settleMillis how long a jar must stay unchanged before it is (re)deployed
 * @param logLevel     quiet, info or debug
 * @param links        the links the host keeps alive
 */
public record HostConfig(Path bundles, long settleMillis, String logLevel, List<LinkSpec> links) {
    public boolean debug() {
        return "debug".equals(logLevel);
    }
}

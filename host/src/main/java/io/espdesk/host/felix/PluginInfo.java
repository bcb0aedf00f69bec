package io.espdesk.host.felix;

import java.util.List;

/**
 * What the host knows of one jar in the bundles folder.
 *
 * @param file          the jar's file name
 * @param symbolicName  the bundle's symbolic name, or null when the jar is not a bundle
 * @param version       the bundle's version, or null
 * @param state         active, starting, installed, resolved, failed
 * @param schemes       the address schemes it currently provides
 * @param failure       the last failure line, or null
 */
public record PluginInfo(String file, String symbolicName, String version, String state, List<String> schemes, String failure) {
}

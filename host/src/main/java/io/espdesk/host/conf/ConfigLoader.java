package io.espdesk.host.conf;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.json.JsonConfigException;
import io.espdesk.api.json.JsonDocs;
import io.espdesk.api.json.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code conf/espdesk.json} and {@code conf/links.json}. Both are optional; when present they are read
 * completely and strictly: any malformed JSON, wrong type, unknown key or bad address is a
 * {@link JsonConfigException} naming file, line and column, and nothing starts.
 */
public final class ConfigLoader {
    static final Set<String> HOST_KEYS = Set.of("bundles", "settleMillis", "logLevel");
    static final Set<String> LINKS_KEYS = Set.of("links");
    static final Set<String> LINK_KEYS = Set.of("name", "a", "b");
    static final Set<String> LOG_LEVELS = Set.of("quiet", "info", "debug");

    private final Path home;

    /** @param home the espdesk folder that relative paths in the configuration are resolved against */
    public ConfigLoader(Path home) {
        this.home = home;
    }

    public HostConfig load(Path confDir) {
        Path hostFile = confDir.resolve("espdesk.json");
        Path bundles = home.resolve("bundles");
        long settle = 40;
        String level = "info";
        if (Files.exists(hostFile)) {
            JsonNode root = JsonDocs.read(hostFile, shown(hostFile)).requireObject("the host settings").allowKeys(HOST_KEYS);
            bundles = home.resolve(root.string("bundles", "bundles"));
            settle = root.integer("settleMillis", settle, 0, 60_000);
            if (root.has("logLevel")) {
                JsonNode n = root.get("logLevel");
                level = n.asString();
                if (!LOG_LEVELS.contains(level)) {
                    throw n.error("expected one of quiet, info, debug but found \"" + level + "\"");
                }
            }
        }
        Path linksFile = confDir.resolve("links.json");
        List<LinkSpec> links = Files.exists(linksFile) ? readLinks(JsonDocs.read(linksFile, shown(linksFile))) : List.of();
        return new HostConfig(bundles, settle, level, links);
    }

    /** Reads the links document: {@code {"links": [{"name": "…", "a": "ADDR", "b": "ADDR"}]}}. */
    static List<LinkSpec> readLinks(JsonNode root) {
        root.requireObject("the links document").allowKeys(LINKS_KEYS);
        List<LinkSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode n : root.array("links")) {
            i++;
            n.requireObject("a link {\"a\": ADDRESS, \"b\": ADDRESS}").allowKeys(LINK_KEYS);
            ChannelAddress a = address(n.require("a"));
            ChannelAddress b = address(n.require("b"));
            String name = n.string("name", "link" + i);
            if (!names.add(name)) {
                throw n.get("name").error("duplicate link name \"" + name + "\"");
            }
            out.add(new LinkSpec(name, a, b));
        }
        return out;
    }

    private static ChannelAddress address(JsonNode n) {
        try {
            return ChannelAddress.parse(n.asString());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    private String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        return abs.startsWith(h) ? h.relativize(abs).toString() : abs.toString();
    }
}

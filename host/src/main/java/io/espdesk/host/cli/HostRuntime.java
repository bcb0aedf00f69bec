package io.espdesk.host.cli;

import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.felix.PluginHost;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.LinkBoard;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.host.link.StdioProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleException;

/** What {@code espdesk host} runs: the plugin host plus the configured links, printing one line per event. */
public final class HostRuntime implements AutoCloseable {
    private final PluginHost host;
    private final List<Link> links = new ArrayList<>();
    private final LinkBoard board;

    /**
     * Starts Felix, hot deploy and every link of the configuration; the links' figures go to {@code runDir} for
     * {@code espdesk links}.
     */
    public HostRuntime(HostConfig cfg, Path runDir, InputStream in, PrintStream out) throws IOException, BundleException {
        SchemeRegistry registry = new SchemeRegistry();
        registry.add(new StdioProvider(in, out), "host");
        boolean quiet = "quiet".equals(cfg.logLevel());
        host = new PluginHost(cfg.bundles(), cfg.settleMillis(), line -> {
            if (!quiet || line.startsWith("plugin failed")) {
                out.println(line);
            }
        }, registry, cfg.debug());
        host.start();
        for (LinkSpec spec : cfg.links()) {
            Link l = new Link(spec, registry, out::println, Set.of());
            links.add(l);
            l.start();
        }
        board = new LinkBoard(runDir, "host", () -> links.stream().map(Link::status).toList()).start();
    }

    public List<Link> links() {
        return links;
    }

    @Override
    public void close() {
        links.forEach(Link::stop);
        board.close();
        host.close();
    }
}

package io.espdesk.host.runtime;

import io.espdesk.api.ChannelProvider;
import io.espdesk.api.SchemeHelp;
import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.felix.PluginEvents;
import io.espdesk.host.felix.PluginHost;
import io.espdesk.host.felix.PluginInfo;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.LinkBoard;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.host.link.StdioProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.BundleException;

/**
 * One running espdesk, assembled in one place: the terminal as the {@code stdio:} scheme, the embedded plugin host
 * that feeds the scheme registry, the links, and their figures published for {@code espdesk links}. Every command
 * that starts plugins ({@code host}, {@code link}, {@code plugins}) builds one of these, so they cannot drift apart;
 * the commands only choose what to start and print what it says.
 */
public final class HostRuntime implements AutoCloseable {
    private final HostConfig cfg;
    private final SchemeRegistry registry = new SchemeRegistry();
    private final PluginHost host;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private LinkBoard board;

    /**
     * @param in     the terminal's input for {@code stdio:}, or null for a runtime without that scheme
     * @param out    where {@code stdio:} writes
     * @param events one line per plugin event (started, failed, removed …)
     */
    public HostRuntime(HostConfig cfg, InputStream in, PrintStream out, PluginEvents events) {
        this.cfg = cfg;
        if (in != null) {
            registry.add(new StdioProvider(in, out, in == System.in), "host");
        }
        host = new PluginHost(cfg.bundles(), cfg.settleMillis(), events, registry, cfg.debug());
    }

    /** Starts Felix and hot deploy of the bundles folder. */
    public HostRuntime start() throws IOException, BundleException {
        host.start();
        return this;
    }

    /**
     * Starts a link; it waits for its schemes' plugins and keeps itself alive until {@link #close}.
     *
     * @param lines        one line per state change of the link
     * @param finalSchemes schemes whose end ends the link for good (the terminal's {@code stdio})
     */
    public Link link(LinkSpec spec, Consumer<String> lines, Set<String> finalSchemes) {
        Link l = new Link(spec, registry, lines, finalSchemes);
        links.add(l);
        l.start();
        return l;
    }

    /** Starts every link of the configuration (conf/links.json), each printing its lines to {@code lines}. */
    public void startConfiguredLinks(Consumer<String> lines) {
        for (LinkSpec spec : cfg.links()) {
            link(spec, lines, Set.of());
        }
    }

    /** Publishes the links' state and figures to {@code runDir} for {@code espdesk links}, as {@code command}. */
    public void publish(Path runDir, String command) {
        board = new LinkBoard(runDir, command, () -> links.stream().map(Link::status).toList()).start();
    }

    /** The plugins of the bundles folder, once hot deploy has been idle (or {@code waitMillis} passed). */
    public List<PluginInfo> plugins(long waitMillis) throws InterruptedException {
        host.awaitIdle(waitMillis);
        return host.plugins();
    }

    /** Every scheme there is now, with its help as its plugin gives it (a plugin that gives none gets a plain line). */
    public List<SchemeHelp> schemeHelp() {
        List<SchemeHelp> out = new java.util.ArrayList<>();
        for (String scheme : registry.all().keySet()) {
            ChannelProvider p = registry.find(scheme);
            SchemeHelp h = p == null ? null : p.help(scheme);
            out.add(h != null ? h : new SchemeHelp(scheme + ":", "(its plugin describes no address form or options)", java.util.Map.of()));
        }
        return out;
    }

    public List<Link> links() {
        return links;
    }

    /** Stops every link (in two phases, so nothing in flight is lost) and the published figures; plugins stay. */
    public void stopLinks() {
        links.forEach(Link::stop);
        if (board != null) {
            board.close();
        }
    }

    @Override
    public void close() {
        stopLinks();
        host.close();
    }
}

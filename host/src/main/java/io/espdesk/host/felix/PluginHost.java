package io.espdesk.host.felix;

import io.espdesk.api.ChannelProvider;
import io.espdesk.host.link.SchemeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded Apache Felix: exports the plugin API, tracks every {@link ChannelProvider} service into the
 * {@link SchemeRegistry} (the whiteboard pattern), and hot-deploys the bundles folder.
 */
public final class PluginHost implements AutoCloseable {
    /** The version of the exported API packages; plugins import {@code [0.1,1)}. */
    public static final String API_VERSION = "0.1.0";

    private final Path bundles;
    private final long settleMillis;
    private final PluginEvents events;
    private final SchemeRegistry registry;
    private final boolean debug;
    private Framework framework;
    private ServiceTracker<ChannelProvider, ChannelProvider> tracker;
    private BundleDeployer deployer;
    private Path cache;

    public PluginHost(Path bundles, long settleMillis, PluginEvents events, SchemeRegistry registry, boolean debug) {
        this.bundles = bundles;
        this.settleMillis = settleMillis;
        this.events = events;
        this.registry = registry;
        this.debug = debug;
    }

    /** Starts Felix, the provider tracker and hot deploy. Returns once the plugins found now are being started. */
    public void start() throws IOException, BundleException {
        cache = Files.createTempDirectory("espdesk-felix-");
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        cfg.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "io.espdesk.api;version=" + API_VERSION + ",io.espdesk.api.json;version=" + API_VERSION);
        cfg.put("felix.log.logger", new FelixLog(events, debug));
        cfg.put("felix.log.level", debug ? "4" : "1");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, getClass().getClassLoader()).iterator().next();
        framework = factory.newFramework(castMap(cfg));
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        tracker = new ServiceTracker<>(ctx, ChannelProvider.class, null) {
            @Override
            public ChannelProvider addingService(ServiceReference<ChannelProvider> ref) {
                ChannelProvider p = context.getService(ref);
                if (p != null) {
                    registry.add(p, ref.getBundle().getSymbolicName());
                }
                return p;
            }

            @Override
            public void removedService(ServiceReference<ChannelProvider> ref, ChannelProvider p) {
                registry.remove(p);
                context.ungetService(ref);
            }
        };
        tracker.open();
        framework.start();
        deployer = new BundleDeployer(ctx, bundles, settleMillis, events, registry);
        deployer.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> castMap(Map<String, Object> m) {
        return (Map) m; // Felix accepts objects (the logger) in its configuration map
    }

    /** Waits until hot deploy has nothing queued or running (bounded). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        deployer.awaitIdle(timeoutMillis);
    }

    public List<PluginInfo> plugins() {
        return deployer.plugins();
    }

    public SchemeRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (deployer != null) {
            deployer.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(5_000);
            } catch (BundleException | InterruptedException e) {
                events.line("host: the framework did not stop cleanly: " + e.getMessage());
            }
        }
        if (cache != null) {
            try (Stream<Path> s = Files.walk(cache)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}

package io.espdesk.host.cli;

import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.felix.PluginInfo;
import io.espdesk.host.runtime.HostRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code espdesk host}: the long-running plugin host. */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = {"Run the plugin host: hot-add, update and remove the plugins in bundles/ while it runs.",
                "Embedded Apache Felix; keeps the links of conf/links.json alive. One line per plugin or link event."},
        footer = {"", "Example:", "  ./espdesk host", "  cp my-plugin.jar bundles/    # in another terminal: 'plugin started: …'"})
final class HostCommand implements Callable<Integer> {
    /** How long startup waits for the plugins of the bundles folder (a slow activator gets no longer). */
    static final long STARTUP_WAIT_MS = 10_000;

    private final CliContext ctx;

    @Mixin
    HostOptions options = new HostOptions();

    HostCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        HostConfig cfg = options.load(ctx); // a bad conf/ file is one line and exit 2 (EspdeskCli)
        boolean quiet = "quiet".equals(cfg.logLevel());
        HostRuntime runtime = new HostRuntime(cfg, ctx.in(), ctx.out(), line -> {
            if (!quiet || line.startsWith("plugin failed")) {
                ctx.out().println(line);
            }
        }).start();
        // ready means ready: the plugins found now have started (or failed, with their line) before links wait on them
        List<PluginInfo> plugins = runtime.plugins(STARTUP_WAIT_MS);
        long started = plugins.stream().filter(p -> p.state().equals("active")).count();
        runtime.startConfiguredLinks(ctx.out()::println);
        runtime.publish(ctx.home().resolve("run"), "host");
        ctx.out().printf("espdesk host ready in %d ms: %d of %d plugin(s) started from %s, %d link(s); Ctrl-C stops%n",
                (System.nanoTime() - t0) / 1_000_000, started, plugins.size(), cfg.bundles(), runtime.links().size());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stop.countDown();
        }, "espdesk-shutdown"));
        stop.await();
        return 0;
    }
}

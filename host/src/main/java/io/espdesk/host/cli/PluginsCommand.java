package io.espdesk.host.cli;

import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.felix.PluginInfo;
import io.espdesk.host.runtime.HostRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code espdesk plugins}: what the bundles folder holds and what each plugin provides. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins of the bundles folder: state and the address schemes each provides.",
        footer = {"", "Example:", "  ./espdesk plugins"})
final class PluginsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    HostOptions options = new HostOptions();

    PluginsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        HostConfig cfg = options.load(ctx); // a bad conf/ file is one line and exit 2 (EspdeskCli)
        List<PluginInfo> plugins;
        try (HostRuntime runtime = new HostRuntime(cfg, null, null, line -> { }).start()) {
            plugins = runtime.plugins(10_000);
        }
        ctx.out().println("bundles: " + cfg.bundles());
        if (plugins.isEmpty()) {
            ctx.out().println("(no plugin jars)");
            return 0;
        }
        String fmt = "%-34s %-26s %-10s %-8s %s%n";
        ctx.out().printf(fmt, "FILE", "PLUGIN", "VERSION", "STATE", "SCHEMES");
        for (PluginInfo p : plugins) {
            ctx.out().printf(fmt, p.file(), p.symbolicName() == null ? "-" : p.symbolicName(),
                    p.version() == null ? "-" : p.version(), p.state(),
                    p.failure() != null ? p.failure() : p.schemes().isEmpty() ? "-" : String.join(", ", p.schemes()));
        }
        return 0;
    }
}

package io.espdesk.host.cli;

import io.espdesk.host.conf.ConfigLoader;
import io.espdesk.host.conf.HostConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the plugin host. */
final class HostOptions {
    @Option(names = "--conf", paramLabel = "DIR", description = "Configuration folder (default: conf/ of the espdesk folder).")
    Path conf;

    @Option(names = "--bundles", paramLabel = "DIR", description = "Plugin folder to watch (default: conf/espdesk.json's \"bundles\", else bundles/).")
    Path bundles;

    /** Reads conf/ and applies the overrides; throws JsonConfigException on any bad input. */
    HostConfig load(CliContext ctx) {
        HostConfig cfg = new ConfigLoader(ctx.home()).load(conf != null ? conf : ctx.defaultConf());
        if (bundles != null) {
            cfg = new HostConfig(bundles.toAbsolutePath(), cfg.settleMillis(), cfg.logLevel(), cfg.links());
        }
        return cfg;
    }
}

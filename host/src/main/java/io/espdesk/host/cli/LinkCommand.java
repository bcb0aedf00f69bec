package io.espdesk.host.cli;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.api.json.JsonConfigException;
import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.link.Link;
import io.espdesk.host.runtime.HostRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code espdesk link A B}: join two channels until Ctrl-C (or until stdio: ends), like socat. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Join two channels and relay bytes both ways until Ctrl-C, like socat.",
                "Addresses: stdio:, and every scheme a plugin in bundles/ provides: tcp, tcp-listen, ws, ws-listen, serial, board",
                "(a simulated board's UART) and whatever plugin is added; each with its options below.",
                "Status lines go to stderr, so stdout carries only the relayed bytes."},
        footer = {"", "Examples:",
                "  ./espdesk link tcp-listen://127.0.0.1:8888 stdio:",
                "  ./espdesk link \"ws-listen://127.0.0.1:81/?frame=line\" \"ws://127.0.0.1:82/?frame=line\""})
final class LinkCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    HostOptions options = new HostOptions();

    @Parameters(index = "0", paramLabel = "A", description = "First address, e.g. tcp-listen://127.0.0.1:8888")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second address, e.g. stdio:")
    String b;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures.")
    boolean quiet;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The link's name in its lines and in ./espdesk links (default: both addresses, shortened, e.g. tcp-listen:8888<->stdio).")
    String name;

    LinkCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Adds the address schemes, as the plugins present describe them, to {@code link --help} (before the examples). */
    static void addSchemesSection(CommandLine link) {
        LinkCommand command = link.getCommand();
        List<String> keys = new ArrayList<>(link.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "schemes");
        link.setHelpSectionKeys(keys);
        link.getHelpSectionMap().put("schemes", help -> command.schemesHelp());
    }

    /** Starts the plugins of the bundles folder (as the link would) and lists what each scheme takes. */
    String schemesHelp() {
        StringBuilder sb = new StringBuilder();
        try {
            HostConfig cfg = options.load(ctx);
            try (HostRuntime runtime = new HostRuntime(cfg, ctx.in(), ctx.out(), line -> { }).start()) {
                runtime.plugins(HostCommand.STARTUP_WAIT_MS);
                sb.append("%nAddress schemes (those of the plugins in ").append(cfg.bundles()).append(" now, and options as ?a=1&b=2):%n");
                List<SchemeHelp> all = runtime.schemeHelp();
                int width = 31; // the texts start in one column: as far right as the longest form or option needs
                for (SchemeHelp h : all) {
                    width = Math.max(width, h.form().length());
                    for (String o : h.options().keySet()) {
                        width = Math.max(width, o.length() + 5);
                    }
                }
                for (SchemeHelp h : all) {
                    sb.append(String.format("  %-" + width + "s %s%n", h.form(), h.summary()));
                    for (Map.Entry<String, String> o : h.options().entrySet()) {
                        sb.append(String.format("      %-" + (width - 4) + "s %s%n", "?" + o.getKey(), o.getValue()));
                    }
                }
            }
        } catch (Exception e) {
            sb.append("%n(the address schemes cannot be listed: ").append(e.getMessage()).append(")%n");
        }
        return sb.toString().replace("%n", System.lineSeparator());
    }

    @Override
    public Integer call() throws Exception {
        HostConfig cfg;
        LinkSpec spec;
        try {
            cfg = options.load(ctx);
            ChannelAddress first = ChannelAddress.parse(a);
            ChannelAddress second = ChannelAddress.parse(b);
            spec = new LinkSpec(name != null ? name : LinkSpec.defaultName(first, second), first, second);
        } catch (JsonConfigException | IllegalArgumentException e) {
            ctx.err().println("espdesk: " + e.getMessage());
            return 2;
        }
        try (HostRuntime runtime = new HostRuntime(cfg, ctx.in(), ctx.out(), line -> {
            if (line.startsWith("plugin failed") || cfg.debug()) {
                ctx.err().println(line);
            }
        })) {
            runtime.start();
            runtime.plugins(HostCommand.STARTUP_WAIT_MS); // the link starts once the plugins have: a missing scheme is really missing
            Thread hook = new Thread(runtime::stopLinks, "espdesk-link-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Link link = runtime.link(spec, line -> {
                if (!quiet) {
                    ctx.err().println(line);
                }
            }, Set.of("stdio"));
            runtime.publish(ctx.home().resolve("run"), "link");
            while (!link.awaitDone(1, TimeUnit.SECONDS)) {
                // until the link ends for good (stdio: closed) or Ctrl-C
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running already
            }
        }
        return 0;
    }
}

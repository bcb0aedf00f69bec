package io.espdesk.host.cli;

import io.espdesk.api.CommandContribution;
import io.espdesk.api.json.JsonConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code espdesk} command line. Modules on the classpath add subcommands through {@link CommandContribution}. */
@Command(name = "espdesk", mixinStandardHelpOptions = true, version = "espdesk 0.1.0",
        description = {"NodeMCU boards on your desk: simulate Lua scripts, test them against faults, host protocol plugins,",
                "and join channels with links, like socat.", ""},
        footer = {"", "Examples:",
                "  ./espdesk sim lua-scripts/two-esp8266",
                "  ./espdesk host",
                "  ./espdesk link tcp-listen://127.0.0.1:8888 stdio:",
                "  ./espdesk links",
                "", "Run ./espdesk COMMAND --help for the options of a command."})
public final class EspdeskCli implements Runnable {
    /** Columns of the help texts. */
    static final int USAGE_WIDTH = 120;

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("espdesk.home", ".")).toAbsolutePath().normalize();
        int code = run(args, new CliContext(home, System.in, System.out, System.err));
        System.exit(code);
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad usage or configuration). */
    public static int run(String[] args, CliContext ctx) {
        return commandLine(ctx).execute(args);
    }

    /** The command line with every command, the host's and those contributed by modules on the class path. */
    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new EspdeskCli());
        cl.addSubcommand("host", new HostCommand(ctx));
        cl.addSubcommand("plugins", new PluginsCommand(ctx));
        cl.addSubcommand("link", new LinkCommand(ctx));
        LinkCommand.addSchemesSection(cl.getSubcommands().get("link"));
        cl.addSubcommand("links", new LinksCommand(ctx));
        for (CommandContribution c : ServiceLoader.load(CommandContribution.class, EspdeskCli.class.getClassLoader())) {
            cl.addSubcommand(c.name(), c.command());
        }
        // wide enough that no example a user copies is broken across lines (picocli wraps footers too)
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        // one line, never a stack trace; bad configuration (file:line:column) is a usage error, exit 2
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("espdesk: " + ex.getMessage());
            return ex instanceof JsonConfigException ? 2 : 1;
        });
        return cl;
    }
}

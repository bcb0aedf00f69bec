package io.espdesk.serial;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code espdesk ports}: the serial ports the OS lists, as {@code serial:} addresses. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List the serial ports this machine has (USB-serial adapters, built-in UARTs) as serial: addresses.",
                "Any other device path works too, e.g. a pseudo-terminal: serial:/dev/pts/5"},
        footer = {"", "Example:", "  ./espdesk ports", "  ./espdesk link serial:/dev/ttyUSB0?baud=115200 tcp-listen://127.0.0.1:7000"})
public final class PortsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> ports = SerialProvider.ports();
        if (ports.isEmpty()) {
            spec.commandLine().getOut().println("no serial ports found");
        }
        for (String p : ports) {
            spec.commandLine().getOut().println("serial:" + p);
        }
        return 0;
    }
}

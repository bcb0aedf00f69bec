package io.espdesk.host.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help texts people copy from: every example stays on one line, and each command's summary in {@code espdesk --help}
 * is a whole sentence. Checks every command on the class path (the plugins' commands run it from their own tests).
 */
public class HelpTextTest {
    @Test
    void everyExampleIsPrintedWholeOnOneLine() {
        checkExamples();
    }

    /** For each command: each footer line that shows a command appears intact as a line of its --help. */
    public static void checkExamples() {
        CommandLine cl = EspdeskCli.commandLine(context());
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            String usage = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : e.getValue().getCommandSpec().usageMessage().footer()) {
                if (line.contains("./espdesk") || line.contains("cp ")) {
                    assertTrue(usage.contains("\n" + line + "\n"), e.getKey() + " --help breaks the example '" + line + "':\n" + usage);
                }
            }
        }
    }

    @Test
    void eachCommandsSummaryIsAWholeSentence() {
        checkSummaries();
    }

    /** The first description line of each command is what espdesk --help lists: it must not stop mid-sentence. */
    public static void checkSummaries() {
        CommandLine cl = EspdeskCli.commandLine(context());
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            String first = e.getValue().getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), "espdesk --help shows '" + e.getKey() + "' as: " + first);
        }
    }

    private static CliContext context() {
        return new CliContext(Path.of("."), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }
}

package io.espdesk.sim.cli;

import io.espdesk.host.cli.HelpTextTest;
import org.junit.jupiter.api.Test;

/** This module's commands, as espdesk --help and COMMAND --help show them: examples whole, summaries whole sentences. */
class CommandHelpTest {
    @Test
    void examplesStayWholeAndSummariesAreSentences() {
        HelpTextTest.checkExamples();
        HelpTextTest.checkSummaries();
    }
}

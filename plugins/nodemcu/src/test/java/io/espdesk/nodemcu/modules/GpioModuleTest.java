package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.nodemcu.Bench;
import io.espdesk.sim.BoardHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gpio: outputs, inputs driven from outside, trig() on edges, pin and mode checks. */
class GpioModuleTest {
    @Test
    void outputsRememberWhatWasWritten() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "gpio.mode(4, gpio.OUTPUT) gpio.write(4, gpio.HIGH) print(gpio.read(4))");
        b.run(10);
        assertEquals(List.of("1"), b.lines("b"));
        assertEquals(1, h.outputLevel(4));
    }

    @Test
    void inputsReadWhatTheScenarioDrives() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "gpio.mode(5, gpio.INPUT) tmr.alarm(0, 100, 1, function() print(gpio.read(5)) end)");
        b.run(150);
        h.setInput(5, 0);
        b.run(100);
        assertEquals(List.of("1", "0"), b.lines("b"));
    }

    @Test
    void trigCallsBackOnTheChosenEdges() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "gpio.mode(3, gpio.INT) gpio.trig(3, 'down', function(level) print('pressed', level) end)");
        b.run(10);
        h.setInput(3, 0);
        b.run(10);
        h.setInput(3, 1);
        b.run(10);
        h.setInput(3, 0);
        b.run(10);
        assertEquals(List.of("pressed\t0", "pressed\t0"), b.lines("b"));
    }

    @Test
    void pinAndModeErrors() {
        Bench b = Bench.legacy();
        b.board("b", "print(pcall(gpio.write, 13, 1))\ngpio.mode(2, gpio.INPUT)\nprint(pcall(gpio.trig, 2, 'up', print))\n"
                + "print(pcall(gpio.mode, 0, gpio.INT))");
        b.run(10);
        assertEquals(List.of("false\tbad argument #1 to 'write' (wrong arg range)", "false\tpin 2 is not in gpio.INT mode",
                "false\tbad argument #1 to 'mode' (no interrupt for pin 0)"), b.lines("b"));
    }
}

package io.espdesk.sim;

import io.espdesk.sim.engine.Board;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a test (or a scenario step) can see of and do to one simulated board. */
public final class BoardHandle {
    private final Board board;
    private final Simulation sim;

    BoardHandle(Board board, Simulation sim) {
        this.board = board;
        this.sim = sim;
    }

    public String name() {
        return board.name();
    }

    /** Every line this board printed so far. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ConsoleLine l : sim.output()) {
            if (l.board().equals(board.name())) {
                out.add(l.text());
            }
        }
        return out;
    }

    /** Every byte written to UART0 so far, exactly. */
    public byte[] uartBytes() {
        return board.console().bytes();
    }

    /** UART0 output as text (ISO-8859-1, so every byte maps to one char). */
    public String console() {
        return new String(uartBytes(), StandardCharsets.ISO_8859_1);
    }

    /** How many times the board has booted (1 after power-on; every reset adds one). */
    public int boots() {
        return board.bootCount();
    }

    public boolean powered() {
        return board.powered();
    }

    /** Types bytes into UART0, as a serial terminal would, at the current virtual time. */
    public void type(byte[] bytes) {
        board.world().scheduler().after(0, null, () -> board.typeIntoUart(bytes));
    }

    /** Types bytes into UART0 from another thread (a bridged channel), at the simulation's current time. */
    public void typeFromOutside(byte[] bytes) {
        sim.post(() -> board.typeIntoUart(bytes));
    }

    /**
     * Hands every byte the board writes to UART0 (print and uart.write) to {@code sink}, on the simulation's thread,
     * as it is written; null stops it.
     */
    public void onUart(java.util.function.Consumer<byte[]> sink) {
        board.console().tap(sink);
    }

    public void type(String text) {
        type(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Drives an input pin from outside (a button, a sensor line). */
    public void setInput(int pin, int level) {
        board.world().scheduler().after(0, null, () -> board.setInput(pin, level));
    }

    /** The level the script last wrote to an output pin. */
    public int outputLevel(int pin) {
        return board.outputLevel(pin);
    }

    /** Cuts power now and restores it after {@code offMillis}: RAM is lost, flash is kept. */
    public void powerCycle(long offMillis) {
        board.world().scheduler().after(0, null, () -> {
            board.powerOff();
            board.powerOn(offMillis * 1000);
        });
    }

    /** Stops the board's access point now and starts it again after {@code offMillis} (stations drop off and rejoin). */
    public void restartAccessPoint(long offMillis) {
        board.world().scheduler().after(0, null, () -> {
            if (board.softAp() == null) {
                return;
            }
            board.stopSoftAp();
            board.world().scheduler().after(offMillis * 1000, board, board::startSoftAp);
        });
    }

    /** The bytes the script wrote with uart.write, exactly (print output and boot banners not included). */
    public byte[] uartWrites() {
        return board.uartWrites();
    }

    /** The level a pin reads now: what the script wrote for an output, what the scenario drives for an input. */
    public int pinLevel(int pin) {
        return board.pinLevel(pin);
    }

    /** Takes the board out of WiFi range (or brings it back). */
    public void inRange(boolean in) {
        board.world().scheduler().after(0, null, () -> board.world().air().setInRange(board, in));
    }

    /** The board's flash file, or null. */
    public byte[] file(String name) {
        byte[] b = board.flash().read(name);
        return b == null ? null : b.clone();
    }

    Board engine() {
        return board;
    }
}

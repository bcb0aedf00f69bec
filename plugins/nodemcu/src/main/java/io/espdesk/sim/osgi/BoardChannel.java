package io.espdesk.sim.osgi;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelListener;
import io.espdesk.sim.BoardHandle;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * UART0 of a simulated board as a channel: what the board writes (print, uart.write) is delivered, what is written
 * here is typed into its UART (uart.on("data") or the Lua prompt gets it). The simulation's thread never waits on
 * the link: output is queued and delivered from a thread of this channel.
 */
final class BoardChannel implements Channel {
    private static final byte[] END = new byte[0];

    private final String address;
    private final LiveSimulation live;
    private final BoardHandle board;
    private final Consumer<BoardChannel> onClose;
    private final LinkedBlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    BoardChannel(String address, LiveSimulation live, BoardHandle board, Consumer<BoardChannel> onClose) {
        this.address = address;
        this.live = live;
        this.board = board;
        this.onClose = onClose;
        live.onSimThread(() -> board.onUart(out::add)); // from its first byte: kept until start() delivers it
    }

    LiveSimulation live() {
        return live;
    }

    @Override
    public void start(ChannelListener listener) {
        Thread t = new Thread(() -> deliver(listener), "espdesk-board " + board.name());
        t.setDaemon(true);
        t.start();
        listener.onStatus("board " + board.name() + " of " + live.dir() + " running at wall speed; its UART0 is this channel");
        live.run();
    }

    private void deliver(ChannelListener listener) {
        try {
            while (true) {
                byte[] b = out.take();
                if (b == END) {
                    listener.onClosed("closed");
                    return;
                }
                listener.onData(b, 0, b.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws java.io.IOException {
        if (closed) {
            throw new java.io.IOException("closed");
        }
        board.typeFromOutside(java.util.Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        live.onSimThread(() -> board.onUart(null));
        out.add(END);
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address;
    }
}

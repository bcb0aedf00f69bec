package io.espdesk.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The wire format of {@code ?resume=on}, spoken only between two espdesks. Every frame is a type byte, a 4-byte body
 * length and the body:
 * <ul>
 * <li>{@code H} hello, first on every connection from both ends: magic "espdRSM1", the sender's stream id, the id of
 *     the receiver's stream the sender knows (0: none), and how many bytes of it the sender has taken;</li>
 * <li>{@code D} data: the stream position of its first byte, then the bytes;</li>
 * <li>{@code A} acknowledgement: how many bytes of the receiver's stream the sender's link has taken (written to the
 *     serial port, or kept for it).</li>
 * </ul>
 * Positions count bytes from the start of a stream; a stream lives as long as its channel (one espdesk process).
 */
final class ResumeFrames {
    static final byte HELLO = 'H';
    static final byte DATA = 'D';
    static final byte ACK = 'A';
    static final long MAGIC = 0x6573706452534D31L; // "espdRSM1"
    static final int HEADER = 5;
    static final int HELLO_BODY = 32;
    /** Payload per data frame at most: larger writes are split. */
    static final int MAX_DATA = 64 * 1024;

    private ResumeFrames() {
    }

    /** Splits the byte stream into frames; anything longer than a data frame is not espdesk resume talking. */
    static LengthFieldBasedFrameDecoder decoder() {
        return new LengthFieldBasedFrameDecoder(HEADER + 8 + MAX_DATA, 1, 4, 0, 0);
    }

    static ByteBuf hello(ByteBufAllocator alloc, long myStream, long knownPeerStream, long taken) {
        return alloc.buffer(HEADER + HELLO_BODY).writeByte(HELLO).writeInt(HELLO_BODY)
                .writeLong(MAGIC).writeLong(myStream).writeLong(knownPeerStream).writeLong(taken);
    }

    static ByteBuf data(ByteBufAllocator alloc, long position, byte[] bytes, int offset, int length) {
        return alloc.directBuffer(HEADER + 8 + length).writeByte(DATA).writeInt(8 + length).writeLong(position)
                .writeBytes(bytes, offset, length);
    }

    static ByteBuf ack(ByteBufAllocator alloc, long taken) {
        return alloc.buffer(HEADER + 8).writeByte(ACK).writeInt(8).writeLong(taken);
    }
}

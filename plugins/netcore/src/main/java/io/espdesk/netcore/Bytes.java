package io.espdesk.netcore;

import io.netty.buffer.ByteBuf;

/** Copies a Netty buffer out (and releases it): what goes to the link is a plain array it may keep. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] take(Object msg) {
        ByteBuf b = (ByteBuf) msg;
        try {
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }
}

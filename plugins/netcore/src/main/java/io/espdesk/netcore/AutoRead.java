package io.espdesk.netcore;

import io.espdesk.channelkit.Delivery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** A socket as a {@link Delivery.Source}: it stops reading by turning Netty's autoRead off. One per socket, kept on it. */
public final class AutoRead {
    private static final AttributeKey<Delivery.Source> KEY = AttributeKey.valueOf("espdesk.delivery.source");

    private AutoRead() {
    }

    /** The source object of {@code c} (the same one every time, so a delivery pauses each socket once). */
    public static Delivery.Source of(Channel c) {
        Delivery.Source s = c.attr(KEY).get();
        if (s == null) {
            Delivery.Source made = on -> c.config().setAutoRead(on);
            s = c.attr(KEY).setIfAbsent(made);
            if (s == null) {
                s = made;
            }
        }
        return s;
    }
}

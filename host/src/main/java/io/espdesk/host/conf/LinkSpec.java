package io.espdesk.host.conf;

import io.espdesk.api.ChannelAddress;

/** One link: two channel addresses joined both ways. */
public record LinkSpec(String name, ChannelAddress a, ChannelAddress b) {
    @Override
    public String toString() {
        return name;
    }
}

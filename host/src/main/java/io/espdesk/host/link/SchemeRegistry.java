package io.espdesk.host.link;

import io.espdesk.api.ChannelProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which provider opens which scheme, right now. Built-in providers (stdio) and OSGi services both land here;
 * links wait on it for a scheme to appear and are told when a provider they use goes away.
 */
public final class SchemeRegistry {
    /** Told of every change; called without the registry's lock held. */
    public interface Listener {
        void providerAdded(ChannelProvider provider);

        void providerRemoved(ChannelProvider provider);
    }

    private record Entry(ChannelProvider provider, String origin) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a provider; {@code origin} names where it came from (a bundle's symbolic name, "host"). */
    public void add(ChannelProvider provider, String origin) {
        synchronized (this) {
            entries.add(new Entry(provider, origin));
            notifyAll();
        }
        listeners.forEach(l -> l.providerAdded(provider));
    }

    public void remove(ChannelProvider provider) {
        synchronized (this) {
            entries.removeIf(e -> e.provider == provider);
            notifyAll();
        }
        listeners.forEach(l -> l.providerRemoved(provider));
    }

    /** The provider for {@code scheme}, the earliest registered one winning; null when none. */
    public synchronized ChannelProvider find(String scheme) {
        for (Entry e : entries) {
            if (e.provider.schemes().contains(scheme)) {
                return e.provider;
            }
        }
        return null;
    }

    /** Schemes contributed by {@code origin}, sorted. */
    public synchronized List<String> schemesOf(String origin) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.origin.equals(origin)) {
                out.addAll(e.provider.schemes());
            }
        }
        out.sort(null);
        return out;
    }

    /** Every scheme and the origin that opens it. */
    public synchronized Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        for (Entry e : entries) {
            for (String s : e.provider.schemes()) {
                out.putIfAbsent(s, e.origin);
            }
        }
        return new LinkedHashMap<>(out);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }
}

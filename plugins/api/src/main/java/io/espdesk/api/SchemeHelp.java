package io.espdesk.api;

import java.util.Map;

/**
 * What a scheme's addresses look like and which options they take, as {@code espdesk link --help} shows them: the
 * help is gathered from the plugins present, so a hot-added plugin's schemes and options appear with it.
 *
 * @param form    the address form, e.g. {@code tcp://HOST:PORT}
 * @param summary what a channel of this scheme is, one line
 * @param options each option as written ({@code buffer=SIZE}) to one line saying what it does and its default, in
 *                the order to show them
 */
public record SchemeHelp(String form, String summary, Map<String, String> options) {
    /** The options' names, without what follows their {@code =}: {@code buffer}, {@code max} … */
    public java.util.Set<String> optionNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String o : options.keySet()) {
            int eq = o.indexOf('=');
            names.add(eq < 0 ? o : o.substring(0, eq));
        }
        return names;
    }
}

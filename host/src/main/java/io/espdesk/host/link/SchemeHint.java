package io.espdesk.host.link;

import java.util.Collection;

/**
 * What to tell a user whose address names a scheme no plugin provides: the schemes there are, and the closest one
 * when the name looks like a typo ({@code tpc} for {@code tcp}), so a mistake in conf/links.json names itself.
 */
final class SchemeHint {
    private SchemeHint() {
    }

    /** {@code (schemes now: serial, stdio, tcp, tcp-listen; did you mean 'tcp'?)}. */
    static String of(Collection<String> missing, Collection<String> known) {
        if (known.isEmpty()) {
            return "(no plugin provides any scheme yet)";
        }
        StringBuilder sb = new StringBuilder("(schemes now: ").append(String.join(", ", known));
        String sep = "; did you mean ";
        for (String m : missing) {
            String closest = closest(m, known);
            if (closest != null) {
                sb.append(sep).append('\'').append(closest).append('\'');
                sep = ", ";
            }
        }
        return sb.append(sep.equals(", ") ? "?)" : ")").toString();
    }

    /** The known scheme within two edits (letters swapped count as one), or null. */
    static String closest(String scheme, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(scheme, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package io.espdesk.nodemcu;

/** Which NodeMCU firmware API a simulated board offers. */
public enum Profile {
    /** 1.5.4.1, the legacy API the tutorials use: numbered timers, espconn limits ("only one tcp server allowed"). */
    V1_5("1.5"),
    /** 3.0: numbered timers gone, table-form configurations. */
    V3_0("3.0");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean legacy() {
        return this == V1_5;
    }

    /** Parses "1.5" or "3.0". */
    public static Profile of(String text) {
        for (Profile p : values()) {
            if (p.label.equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown firmware profile '" + text + "' (expected 1.5 or 3.0)");
    }
}

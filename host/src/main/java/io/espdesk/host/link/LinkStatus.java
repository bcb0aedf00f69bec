package io.espdesk.host.link;

/**
 * One link's figures at one moment: what {@code espdesk links} prints.
 *
 * @param state       WAITING (for a plugin), OPENING (or reconnecting), UP, DONE
 * @param aToB        bytes relayed from the first address to the second since the link started
 * @param dropped     bytes its channels had to throw away (full store-and-forward buffers)
 * @param ups         how many times it came up
 * @param sinceMillis when it entered its state (epoch milliseconds)
 * @param lastLine    its latest status line
 */
public record LinkStatus(String name, String a, String b, String state, long aToB, long bToA, long dropped, long ups, long sinceMillis,
                         String lastLine) {
}

/**
 * Reads JSON configuration so that every value knows where it stood (file, line, column): every configuration
 * error, the host's or a plugin's, reads as one line {@code conf/links.json:3:14: what was expected}.
 */
package io.espdesk.api.json;

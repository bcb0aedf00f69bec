/**
 * Real plugin code that tests pack into real bundle jars at run time ({@code TestBundles}); Felix loads these
 * classes from those jars, not from the test classpath, because this package is not exported by the host.
 */
package io.espdesk.host.testplugins;

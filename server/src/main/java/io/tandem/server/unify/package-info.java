/**
 * The Unify model in the server: the ACS Call Automation application of the Microsoft tenant this
 * server is connected to — its Event Grid and callback endpoints, which validate every request's
 * Bearer JWT before anything reaches the domain, and the {@link io.tandem.acs.unify.UnifyCalls}
 * channel of the Tandem tenant it serves.
 *
 * <p>Threading: the endpoints run on the web server's (virtual) threads and only hand over; the
 * channel's calls run on their own lanes.
 */
@NullMarked
package io.tandem.server.unify;

import org.jspecify.annotations.NullMarked;

/**
 * Microsoft identity as Tandem's adapters need it: app-only access tokens from Entra ID by client
 * credentials, cached and refreshed early, and validation of the JWTs Microsoft signs on the
 * requests it sends (Graph notifications to bots, ACS callbacks) against keys from OpenID
 * discovery.
 *
 * <p>Threading: both classes are thread-safe and block the calling thread on HTTP; call them from
 * virtual threads. Time comes from an injected {@link java.time.Clock}.
 */
@NullMarked
package io.tandem.identity;

import org.jspecify.annotations.NullMarked;

/**
 * Entra ID as the emulator plays it: the client-credentials token endpoint with its AADSTS errors,
 * OpenID discovery and JWKS documents, RS256 JWT signing and checking, and the Bearer tokens that
 * Graph and ACS put on their callbacks.
 */
@NullMarked
package io.tandem.emulator.entra;

import org.jspecify.annotations.NullMarked;

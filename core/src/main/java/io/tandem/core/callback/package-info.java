/**
 * Callbacks placed on the wire: the policy for customers who are not reached ({@link
 * CallbackPolicy}), and the port through which the domain hands a callback offer to the one channel
 * that dials a tenant's callbacks ({@link CallbackDialler}).
 *
 * <p>Threading: {@link CallbackDialler#dial} is called on the tenant's writer and must only hand
 * over; the dialler reports back with commands through the tenant's mailbox ({@code
 * Tenant.callbacks()}).
 */
@NullMarked
package io.tandem.core.callback;

import org.jspecify.annotations.NullMarked;

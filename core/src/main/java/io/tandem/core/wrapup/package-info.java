/**
 * Wrap-up (disposition) codes: the tenant-level list of {@link io.tandem.core.wrapup.WrapUpCode}s
 * agents choose from when completing wrap-up. Once a tenant defines codes, completing wrap-up with
 * any other code is refused.
 *
 * <p>Threading: every type here is an immutable value, safe to share between threads.
 */
@NullMarked
package io.tandem.core.wrapup;

import org.jspecify.annotations.NullMarked;

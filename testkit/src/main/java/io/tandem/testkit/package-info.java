/**
 * Fixtures the channel adapters' end-to-end tests share: an {@link io.tandem.testkit.EmulatedNode}
 * (emulator, tenant on its own mailbox, loopback server for prompts and the channel's endpoints).
 * Test scope only: adapters depend on this module with {@code <scope>test</scope>}.
 *
 * <p>Threading: stated on each class; the tenant always runs on its mailbox.
 */
@NullMarked
package io.tandem.testkit;

import org.jspecify.annotations.NullMarked;

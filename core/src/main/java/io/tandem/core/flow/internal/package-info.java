/**
 * The inside of flow validation and execution: graph checks, field rules, placeholder syntax,
 * choice keys and digit acceptance. Only {@code io.tandem.core.flow} uses it. Stateless functions
 * and single-use checkers, confined to the calling thread.
 */
@NullMarked
package io.tandem.core.flow.internal;

import org.jspecify.annotations.NullMarked;

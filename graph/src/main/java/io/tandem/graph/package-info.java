/**
 * The Extend adapter: Tandem as a Teams calling bot over the Microsoft Graph Cloud Communications
 * API (answer, play, collect tones, transfer to agents), and Teams presence for every model.
 */
@NullMarked
package io.tandem.graph;

import org.jspecify.annotations.NullMarked;

/**
 * The simulated Microsoft cloud's directory: tenants, Teams users with scripted clients, resource
 * accounts, app registrations and ACS resources, read from the emulator's configuration file.
 */
@NullMarked
package io.tandem.emulator.world;

import org.jspecify.annotations.NullMarked;

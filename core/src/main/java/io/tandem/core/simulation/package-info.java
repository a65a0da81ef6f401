/**
 * The staffing simulator: runs the real routing engine ({@link io.tandem.core.tenant.Tenant}) in
 * virtual time against a {@link io.tandem.core.simulation.Scenario} of callers and agents, and
 * reports service level, answer times, abandonment and agent occupancy ({@link
 * io.tandem.core.simulation.SimulationReport}).
 *
 * <p>Threading: a simulation runs on the thread that calls {@link
 * io.tandem.core.simulation.StaffingSimulator#run}; it is that tenant's single writer and drives
 * {@link io.tandem.core.time.VirtualTime} itself. Nothing here is thread-safe, nothing blocks,
 * nothing reads the wall clock. Separate simulations may run on separate threads.
 *
 * <p>{@link io.tandem.core.simulation.KpiProjection} turns any tenant's event stream into the same
 * KPIs; it does not depend on the simulator.
 */
@NullMarked
package io.tandem.core.simulation;

import org.jspecify.annotations.NullMarked;

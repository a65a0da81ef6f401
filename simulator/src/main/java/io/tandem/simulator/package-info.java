/**
 * The staffing simulator's command line: reads a YAML scenario file ({@link
 * io.tandem.simulator.ScenarioFile}), runs it with {@link
 * io.tandem.core.simulation.StaffingSimulator} and prints the report ({@link
 * io.tandem.simulator.SimulateCommand}).
 *
 * <p>Threading: everything runs on the thread that calls {@code main} (or {@link
 * io.tandem.simulator.SimulateCommand#run}); nothing here is shared between threads.
 */
@NullMarked
package io.tandem.simulator;

import org.jspecify.annotations.NullMarked;

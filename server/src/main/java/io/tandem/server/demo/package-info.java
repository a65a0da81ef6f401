/**
 * The demo: a tenant with agents, skills, queues and a virtual assistant, read from a YAML file
 * ({@link io.tandem.server.demo.DemoFile}), and synthetic traffic against it in real time ({@link
 * io.tandem.server.demo.DemoTraffic}): callers who arrive, choose in the menu, wait, talk and hang
 * up or give up; agents who answer or let it ring, wrap up with codes and take breaks.
 *
 * <p>Threading: the demo's state lives on the demo tenant's writer (its mailbox) and is touched
 * only there: its event listener runs there and only schedules, and its timers wait on the tenants'
 * timer thread, then hand their actions to the mailbox. {@link io.tandem.server.demo.DemoTraffic}'s
 * {@code start} and {@code stop} may be called from any thread. Nothing blocks the writer.
 */
@NullMarked
package io.tandem.server.demo;

import org.jspecify.annotations.NullMarked;

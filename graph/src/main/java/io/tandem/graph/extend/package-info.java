/**
 * The Extend model's contact-center channel: Tandem as a Teams calling bot that never touches
 * media. {@link io.tandem.graph.extend.ExtendCalls} turns Graph call notifications into domain
 * commands (arrival, virtual assistant, hang-ups, offers answered or declined) and domain events
 * into Graph actions (answer, playPrompt, subscribeToTone, hold music, calls to agents,
 * consultative transfer).
 *
 * <p>How a call goes: an incoming call is answered at once and arrives in the tenant; once
 * established, the entry flow runs with {@link io.tandem.graph.extend.GraphFlowMedia} (prompts
 * fetched by Graph from {@link io.tandem.graph.extend.PromptLocator} URIs, DTMF from tone
 * notifications). While queued the caller hears music on hold and position announcements. An offer
 * to an agent is a call from the resource account to the agent's Teams user ({@link
 * io.tandem.graph.extend.AgentOffer}): answered → the offer is accepted and the caller's call is
 * transferred onto it (consultative transfer with {@code replacesCallId}), which hands the caller
 * to the agent and ends both bot calls; declined, busy or not reached → the offer is declined; the
 * reservation's deadline or a withdrawal hangs the agent's call up. Once handed over, Tandem no
 * longer sees the call: its end is the agent's Teams presence leaving a busy state. In stay-in-call
 * mode ({@link io.tandem.graph.extend.OfferMode#STAY_IN_CALL}) the agent is invited into the
 * caller's call instead ({@link io.tandem.graph.extend.AgentInvitation}) and the bot stays in it,
 * carrying out the agent's call control ({@code CallerTalk}) from the roster and operation
 * notifications.
 *
 * <p>Threading: every caller call has a lane (a serial executor on virtual threads) where its state
 * lives and its Graph requests are made, one at a time, in order; notification threads and the
 * tenant's writer only hand work to lanes. Tenant commands go through {@link
 * io.tandem.core.tenant.TenantAccess}, never waited for by the writer. Timers come from the
 * injected core {@link io.tandem.core.time.Scheduler} and hop onto the lane.
 */
@NullMarked
package io.tandem.graph.extend;

import org.jspecify.annotations.NullMarked;

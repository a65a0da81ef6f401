package io.tandem.emulator.journal;

/** Which emulated service an entry of the journal belongs to. */
public enum Channel {
  /** Teams Direct Routing: SIP messages between the SBC and the emulated SIP proxies. */
  SIP,
  /** Microsoft Graph: calls, presence, subscriptions, and notifications to bots. */
  GRAPH,
  /** Azure Communication Services Call Automation, Event Grid and callbacks. */
  ACS,
  /** The Entra ID token endpoint and its discovery documents. */
  ENTRA,
  /** Simulated PSTN callers and Teams clients: what the people in the scenario did. */
  WORLD,
  /** The emulator's own control API. */
  CONTROL
}

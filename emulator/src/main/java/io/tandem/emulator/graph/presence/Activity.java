package io.tandem.emulator.graph.presence;

/** What a user is doing, supplementing {@link Availability}, spelled as Graph's CSDL spells it. */
public enum Activity {
  Available,
  Away,
  BeRightBack,
  Busy,
  DoNotDisturb,
  InACall,
  InAConferenceCall,
  Inactive,
  InAMeeting,
  Offline,
  OffWork,
  OutOfOffice,
  PresenceUnknown,
  Presenting,
  UrgentInterruptionsOnly
}

/**
 * Microsoft's side of the three Teams contact-center integration models, emulated at the wire
 * level: Teams Direct Routing (SIP), Microsoft Graph calls and presence, Azure Communication
 * Services Call Automation, Entra ID tokens, plus simulated Teams users and PSTN callers.
 */
@NullMarked
package io.tandem.emulator;

import org.jspecify.annotations.NullMarked;

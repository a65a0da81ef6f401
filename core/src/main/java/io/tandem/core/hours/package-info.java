/**
 * Business hours: when a tenant or queue is open, as a weekly schedule in a time zone with holiday
 * sets that replace the schedule on their dates. {@link io.tandem.core.hours.BusinessHours} answers
 * whether it is open at an instant and when it next opens or closes, correctly across
 * daylight-saving transitions.
 *
 * <p>Threading: every type here is an immutable value, safe to share between threads without
 * synchronisation. Nothing reads the clock: callers pass the instant they ask about.
 */
@NullMarked
package io.tandem.core.hours;

import org.jspecify.annotations.NullMarked;

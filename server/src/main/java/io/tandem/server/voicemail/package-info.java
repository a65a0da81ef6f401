/**
 * Voicemail in the server: the messages of every tenant on the database ({@link
 * io.tandem.server.voicemail.Voicemails}, H2 or PostgreSQL), the REST API under {@code
 * /api/v1/tenants/{t}/voicemail}, and the per-tenant intakes the channels hand recordings to
 * ({@link io.tandem.server.voicemail.VoicemailIntakes}), limited by {@code tandem.voicemail.*}.
 *
 * <p>Threading: everything here is thread-safe and blocks on the database; the controller runs on
 * the web server's (virtual) request threads, intakes on the channels' call lanes.
 */
@NullMarked
package io.tandem.server.voicemail;

import org.jspecify.annotations.NullMarked;

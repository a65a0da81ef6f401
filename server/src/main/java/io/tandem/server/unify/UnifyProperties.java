package io.tandem.server.unify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Unify model's settings ({@code tandem.microsoft.unify.*}), documented with their defaults in
 * server/README.md.
 *
 * @param enabled whether Tandem answers calls to resource accounts linked to ACS (needs {@code
 *     tandem.microsoft.enabled})
 * @param connectionString the ACS resource's {@code endpoint=…;accesskey=…}; with the embedded
 *     emulator, taken from its world when not set
 * @param resourceId the ACS resource's immutable id (the audience of its callback tokens); with the
 *     emulator, its world's first ACS resource when not set
 * @param resourceAccounts the resource accounts (object ids) whose calls this server answers; empty
 *     for every call the resource's Event Grid delivers
 * @param callbacksOpenidConfiguration the discovery document of the keys that sign ACS callbacks
 * @param entryFlow the id of the tenant's flow every caller meets first
 * @param invitationTimeout how long an agent's Teams rings at most (0–180 s)
 * @param recordWithAgent whether calls are recorded from the moment an agent joins
 * @param transcriptionLocale the language of live transcription; blank for none
 * @param assignAgents whether Tandem gives each agent with a Teams identity the Teams extension
 *     access assignment on the resource at start (an administrator's task in production)
 * @param callbackResourceAccount the resource account (object id) callbacks are placed as; with the
 *     emulator, the first of {@code resourceAccounts} (or of the resource's) when not set
 * @param callbackNumber that resource account's number (E.164), shown to agent and customer; with
 *     the emulator, taken from its world when not set
 */
@ConfigurationProperties("tandem.microsoft.unify")
public record UnifyProperties(
    @DefaultValue("false") boolean enabled,
    @Nullable String connectionString,
    @Nullable String resourceId,
    @DefaultValue List<String> resourceAccounts,
    @DefaultValue(
            "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration")
        URI callbacksOpenidConfiguration,
    @DefaultValue("entry") String entryFlow,
    @DefaultValue("60s") Duration invitationTimeout,
    @DefaultValue("false") boolean recordWithAgent,
    @DefaultValue("") String transcriptionLocale,
    @DefaultValue("false") boolean assignAgents,
    @Nullable String callbackResourceAccount,
    @Nullable String callbackNumber) {}

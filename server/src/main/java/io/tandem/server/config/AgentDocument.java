package io.tandem.server.config;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent as configuration documents write it; the keys and defaults are those of {@code
 * AgentProfile} in docs/configuration.md. An absent key takes its default.
 */
public record AgentDocument(
    @Nullable String id,
    @Nullable String name,
    @Nullable Map<String, Integer> skills,
    @Nullable List<String> languages,
    @Nullable Map<String, Integer> capacity,
    @Nullable String teamsUserId) {}

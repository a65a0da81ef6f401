package io.tandem.server.config;

import org.jspecify.annotations.Nullable;

/** A skill catalogue entry: {@code name} and an optional {@code description} (default empty). */
public record SkillDocument(@Nullable String name, @Nullable String description) {}

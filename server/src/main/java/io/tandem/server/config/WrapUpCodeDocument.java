package io.tandem.server.config;

import org.jspecify.annotations.Nullable;

/** A wrap-up code: {@code code} and the {@code label} agents see (required). */
public record WrapUpCodeDocument(@Nullable String code, @Nullable String label) {}

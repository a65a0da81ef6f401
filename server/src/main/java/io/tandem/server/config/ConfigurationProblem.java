package io.tandem.server.config;

/**
 * One thing wrong with a configuration document or resource.
 *
 * @param field where, as a path into the document, e.g. {@code queues[2].stages[0].skills}
 * @param detail what is wrong
 */
public record ConfigurationProblem(String field, String detail) {}

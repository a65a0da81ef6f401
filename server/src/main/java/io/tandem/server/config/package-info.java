/**
 * A tenant's configuration as documents: agents, queues, business hours with holidays, skills,
 * wrap-up codes and flows as the API and {@code tandem config} read and write them (JSON or YAML,
 * field names and defaults of docs/configuration.md), mapped to core values with every problem
 * named by its field path ({@code queues[2].stages[0].skills}); references checked within the
 * tenant or the document; and a whole document applied all-or-nothing ({@link
 * io.tandem.server.config.TenantConfigurations}).
 *
 * <p>Threading: mapping and checking documents is pure and runs on any thread; whatever reads or
 * changes a tenant ({@code Resources.put…/delete…}, {@code TenantConfigurations.export/apply}) runs
 * on that tenant's writer, inside one {@code Actor.ask} command.
 */
@NullMarked
package io.tandem.server.config;

import org.jspecify.annotations.NullMarked;

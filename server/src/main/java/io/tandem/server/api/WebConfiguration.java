package io.tandem.server.api;

import io.tandem.server.config.DocumentFormats;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRegistry;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC set-up of the API: the {@link Actor} parameter of every tenant-scoped endpoint. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final TenantDirectory directory;
  private final TenantRegistry tenants;

  WebConfiguration(TenantDirectory directory, TenantRegistry tenants) {
    this.directory = directory;
    this.tenants = tenants;
  }

  /**
   * Request bodies are read strictly: a number or boolean where text is expected (or the other way
   * round) is a 400, not silently converted.
   */
  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder -> builder.withCoercionConfigDefaults(DocumentFormats::refuseScalarCoercion);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorResolver(directory, tenants));
  }
}

package io.tandem.server.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API, generated from the controllers and served at {@code
 * /v3/api-docs} (JSON) and {@code /v3/api-docs.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The Actor is built from the path and a header, not from the request's parameters.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  /**
   * Every tenant-scoped operation takes the {@code tenant} path variable and the principal header
   * (which the controllers read through {@link Actor}, invisible to springdoc).
   */
  @Bean
  OperationCustomizer tenantAndPrincipal() {
    return (operation, handler) -> {
      boolean scoped =
          java.util.Arrays.stream(handler.getMethodParameters())
              .anyMatch(parameter -> parameter.getParameterType() == Actor.class);
      if (scoped) {
        operation.addParametersItem(
            new PathParameter()
                .name("tenant")
                .description("the tenant's id")
                .schema(new StringSchema()));
        operation.addParametersItem(
            new HeaderParameter()
                .name(ActorResolver.PRINCIPAL_HEADER)
                .description("the acting principal; 'anonymous' if absent")
                .required(false)
                .schema(new StringSchema()));
      }
      return operation;
    };
  }

  @Bean
  OpenAPI tandemOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tandem API")
                .version("v1")
                .description(
                    "Tenant-scoped contact-center API. Every request under"
                        + " /api/v1/tenants/{tenant} acts for the principal named in the "
                        + ActorResolver.PRINCIPAL_HEADER
                        + " header (sign-in will fill it from the token). Errors are RFC 9457"
                        + " problem documents with a 'field' member naming the input at fault.")
                .license(new License().name("Apache-2.0")));
  }
}

package io.tandem.server.api;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Builds the {@link Actor} of a request from the {@code {tenant}} path variable and the {@value
 * #PRINCIPAL_HEADER} header: 404 if the tenant is unknown or its id is not a valid id, 400 if the
 * principal is malformed.
 */
final class ActorResolver implements HandlerMethodArgumentResolver {

  /** The request header naming the acting principal until sign-in exists. */
  static final String PRINCIPAL_HEADER = "Tandem-Principal";

  /** The principal of a request without {@value #PRINCIPAL_HEADER}. */
  static final String ANONYMOUS = "anonymous";

  private final TenantDirectory directory;
  private final TenantRegistry tenants;

  ActorResolver(TenantDirectory directory, TenantRegistry tenants) {
    this.directory = directory;
    this.tenants = tenants;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer container,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binders) {
    return new Actor(principal(request), tenant(request));
  }

  private static String principal(NativeWebRequest request) {
    String principal = request.getHeader(PRINCIPAL_HEADER);
    if (principal == null || principal.isBlank()) {
      return ANONYMOUS;
    }
    String trimmed = principal.strip();
    if (trimmed.length() > 200 || !trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw ApiException.invalid(
          PRINCIPAL_HEADER, "the principal must be 1-200 printable ASCII characters");
    }
    return trimmed;
  }

  private RunningTenant tenant(NativeWebRequest request) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>)
            request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    String id = variables == null ? null : variables.get("tenant");
    if (id == null) {
      throw new IllegalStateException("an Actor parameter needs a {tenant} path variable");
    }
    TenantId tenant;
    try {
      tenant = new TenantId(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no tenant '" + id + "'");
    }
    if (!directory.exists(tenant)) {
      throw ApiException.notFound("no tenant '" + id + "'");
    }
    return tenants.tenant(tenant);
  }
}

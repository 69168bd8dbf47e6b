package io.chainstore.oltp.access;

import io.chainstore.oltp.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enforces {@link AllowedRoles} before any endpoint of this service runs, and documents it. */
@Configuration
class AllowedRolesCheck implements WebMvcConfigurer, HandlerInterceptor {

  private static final String OWN_PACKAGE = "io.chainstore.oltp.";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method
        && method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
      Caller caller = Caller.current();
      if (!roles(method.getMethodAnnotation(AllowedRoles.class)).contains(caller.role())) {
        throw new ApiException(
            HttpStatus.FORBIDDEN,
            "Authorization",
            "the role " + caller.role().code() + " may not do this");
      }
    }
    return true;
  }

  /** Each operation of the OpenAPI document names its roles, in words and as {@code x-roles}. */
  @Bean
  OperationCustomizer allowedRolesInApiDocument() {
    return (operation, method) -> {
      if (!method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
        return operation;
      }
      List<String> codes =
          roles(method.getMethodAnnotation(AllowedRoles.class)).stream().map(Role::code).toList();
      String who =
          codes.isEmpty() ? "No role may call this." : "Roles: " + String.join(", ", codes) + ".";
      String description = operation.getDescription();
      operation.setDescription(description == null ? who : description + "\n\n" + who);
      operation.addExtension("x-roles", codes);
      return operation;
    };
  }

  /** The roles an endpoint allows; none when it declares none. */
  static List<Role> roles(AllowedRoles allowed) {
    if (allowed == null) {
      return List.of();
    }
    if (!allowed.anyRole()) {
      return Arrays.asList(allowed.value());
    }
    List<Role> named = Arrays.asList(allowed.value());
    return Arrays.stream(Role.values()).filter(r -> r.chainStaff() || named.contains(r)).toList();
  }
}

package io.fanshelf.api.auth;

import io.fanshelf.api.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides whether the {@link Caller} may reach a handler: {@link RequireScope} needs an API key
 * with the scope, {@link OwnerOnly} and {@link ConsolePage} a signed-in owner. A console session
 * (cookie) must also send its CSRF value with every unsafe request. Handlers without these
 * annotations are public. Thread-safe.
 */
public final class AccessInterceptor implements HandlerInterceptor {
  /** The form field or header carrying the CSRF value of a console session. */
  public static final String CSRF_PARAM = "_csrf";

  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Caller caller = Caller.of(request);
    boolean console = method.getBeanType().isAnnotationPresent(ConsolePage.class);
    RequireScope scope = find(method, RequireScope.class);
    boolean ownerOnly = console || find(method, OwnerOnly.class) != null;
    if (console && !(caller instanceof Caller.OwnerUser)) {
      response.sendRedirect(request.getContextPath() + "/console/login");
      return false;
    }
    if (scope != null) {
      if (!(caller instanceof Caller.App app)) {
        throw caller instanceof Caller.Anonymous
            ? ApiException.unauthorized(
                "this endpoint needs an API key with scope "
                    + scope.value().wireName()
                    + " (Authorization: Bearer fsk_...)")
            : ApiException.forbidden(
                "this endpoint is for apps: it needs an API key with scope "
                    + scope.value().wireName()
                    + ", not an owner sign-in");
      }
      if (!app.key().allows(scope.value())) {
        throw ApiException.forbidden(
            "API key " + app.key().id() + " lacks scope " + scope.value().wireName());
      }
    }
    if (ownerOnly) {
      if (!(caller instanceof Caller.OwnerUser owner)) {
        throw caller instanceof Caller.Anonymous
            ? ApiException.unauthorized(
                "sign in first: POST /api/v1/auth/token, then send Authorization: Bearer fso_...")
            : ApiException.forbidden("this endpoint is for signed-in owners, not API keys");
      }
      if (owner.cookie() && !SAFE.contains(request.getMethod())) {
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null) {
          sent = request.getParameter(CSRF_PARAM);
        }
        if (!Tokens.same(sent, owner.token().csrf())) {
          throw ApiException.forbidden(
              "missing or wrong CSRF value; reload the page and try again");
        }
      }
    }
    return true;
  }

  /** The annotation on the handler method, else on its controller class; null when on neither. */
  public static <A extends java.lang.annotation.Annotation> A find(
      HandlerMethod method, Class<A> type) {
    A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
  }
}

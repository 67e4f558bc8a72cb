package io.fanshelf.api.auth;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentOwner} parameters from the signed-in owner. Thread-safe. */
public final class CurrentOwnerResolver implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(CurrentOwner.class)
        && parameter.getParameterType() == OwnerId.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Caller caller = Caller.of(request.getNativeRequest(HttpServletRequest.class));
    if (caller instanceof Caller.OwnerUser owner) {
      return owner.owner();
    }
    throw ApiException.unauthorized("sign in first");
  }
}

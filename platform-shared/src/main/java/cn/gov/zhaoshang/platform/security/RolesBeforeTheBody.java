package cn.gov.zhaoshang.platform.security;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an operation's role annotation ({@link OfficerRole}, {@link ReaderRole}, … each a
 * {@code @PreAuthorize}) as soon as the handler is known, before its arguments are resolved, so
 * before the request body is read or validated: a viewer's write is 403 whatever its body, never
 * 400 for a malformed one (which told a caller without the role how the operation validates) and
 * never a body read for nothing. Method security alone runs when the method is invoked, that is
 * after the body was read into its arguments.
 *
 * <p>The rule is Spring Security's own ({@link PreAuthorizeAuthorizationManager}, the one method
 * security evaluates), so the two never disagree; method security still checks again on invocation.
 * A refusal is the {@link AuthorizationDeniedException} method security throws, answered 403 by the
 * one error handler. Role annotations name roles only, never the method's arguments, which are not
 * there yet.
 */
public final class RolesBeforeTheBody implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod operation)) {
            return true;
        }
        Method method = operation.getMethod();
        AuthorizationResult result = roles.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(operation.getBean(), method, new Object[method.getParameterCount()]));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }
}

package cn.gov.zhaoshang.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.zhaoshang.platform.errors.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits just before the bearer-token filter, which lets a failure through when the token could not
 * be checked at all (an {@link AuthenticationServiceException}). When that was because the identity
 * provider's keys could not be fetched ({@link IdentityProviderOutage}), the answer is 503 problem
 * details with {@code Retry-After}, as the gateway's; without this it reached the servlet
 * container's error page as a 500. Any other failure goes on as before.
 */
public final class IdentityProviderOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderOutageFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException failure) {
            if (response.isCommitted() || !IdentityProviderOutage.isCauseOf(failure)) {
                throw failure;
            }
            log.warn("the identity provider's keys could not be fetched; answering 503: {}", failure.getMessage());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ProblemTypes.type(ProblemTypes.IDENTITY_PROVIDER_UNAVAILABLE).toString());
            problem.put("title", IdentityProviderOutage.TITLE);
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", IdentityProviderOutage.DETAIL);
            problem.put("instance", request.getRequestURI());
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(IdentityProviderOutage.RETRY_AFTER.toSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        }
    }
}

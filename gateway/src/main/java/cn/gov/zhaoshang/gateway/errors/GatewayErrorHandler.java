package cn.gov.zhaoshang.gateway.errors;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import cn.gov.zhaoshang.platform.errors.ProblemTypes;
import cn.gov.zhaoshang.platform.security.IdentityProviderOutage;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Failures behind the gateway become problem details, never a hang or a stack trace: a service
 * that is down (connection refused, connect time-out, no instance) is 503; one that does not
 * answer within the response time-out (Reactor Netty's, a {@link ReadTimeoutException}) is 504; a
 * request body over its route's limit ({@code BodyLimit}) is 413. A
 * token that could not be checked because the identity provider's keys could not be fetched
 * ({@link IdentityProviderOutage}) is 503 with {@code Retry-After}, as in the services.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        if (IdentityProviderOutage.isCauseOf(error)) {
            // before the checks below: the key fetch's refused connection or time-out is not the service's
            log.warn("the identity provider's keys could not be fetched; answering 503 on {}: {}", path, error.getMessage());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(IdentityProviderOutage.RETRY_AFTER.toSeconds()));
            return GatewayProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.IDENTITY_PROVIDER_UNAVAILABLE, IdentityProviderOutage.TITLE, IdentityProviderOutage.DETAIL, path);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, ConnectTimeoutException.class)
                || causedBy(error, org.springframework.cloud.gateway.support.NotFoundException.class)) {
            return GatewayProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "The service behind this route is not reachable. Try again shortly.", path);
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, ReadTimeoutException.class)
                || error instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            return GatewayProblems.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
                    "Gateway timeout", "The service did not answer in time.", path);
        }
        if (error instanceof ContentTooLargeException) {
            // the same problem type as the services' for a body over their limit
            String limit = error.getCause() == null ? "" : ": " + error.getCause().getMessage();
            return GatewayProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "Payload too large", "The request body is larger than this operation accepts" + limit + ".", path);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            HttpStatus resolved = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
            return GatewayProblems.write(exchange.getResponse(), resolved, "http-" + resolved.value(),
                    resolved.getReasonPhrase(), status.getReason() == null ? resolved.getReasonPhrase() : status.getReason(), path);
        }
        log.error("unexpected gateway error on {}", path, error);
        return GatewayProblems.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed. It has been logged.", path);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}

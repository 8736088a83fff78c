package cn.gov.zhaoshang.gateway.routing;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service's answer of known, small length goes to the client in one write: status line, headers
 * and body together.
 *
 * <p>Why: Spring Cloud Gateway hands the service's body to the response as a stream
 * ({@link NettyWriteResponseFilter}), and Reactor Netty writes and flushes the headers of a streamed
 * body on their own, then the body: two writes for a 61-byte answer, and the client is often woken
 * twice, once for the headers and again for the body (measured with strace and the scheduler's
 * wake-ups, docs/gateway.md). Given the body as one buffer instead, Reactor Netty writes one full
 * response, as the services themselves do.
 *
 * <p>Only a body whose {@code Content-Length} is known and at most {@link #LARGEST_JOINED_BODY} is
 * joined, so the gateway never holds more than that per request; a longer body, or one of unknown
 * length (chunked), is streamed as before, and so are the streaming media types (server-sent events),
 * which the write filter sends through {@code writeAndFlushWith}.
 */
@Component
public class OneWriteResponses implements GlobalFilter, Ordered {

    /** The largest body joined into one buffer: the API's answers are far below it, exports above. */
    static final int LARGEST_JOINED_BODY = 64 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // a HEAD answer announces a length but has no body: nothing to join
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new JoiningResponse(exchange.getResponse())).build());
    }

    /** Just before the write filter, which takes the response from the exchange it is given. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    /** Hands a short body of known length to the response as one buffer. */
    static final class JoiningResponse extends ServerHttpResponseDecorator {

        JoiningResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length <= 0 || length > LARGEST_JOINED_BODY) {
                return super.writeWith(body);
            }
            // a service that sends more than it announced fails the join rather than filling memory
            return super.writeWith(DataBufferUtils.join(body, LARGEST_JOINED_BODY));
        }
    }
}

package cn.gov.zhaoshang.gateway.bodylimit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code BodyLimit=<size>} on a route: no request body over the size reaches the service, whatever
 * its transfer encoding; the client gets 413 problem details ({@code GatewayErrorHandler}).
 *
 * <p>Spring Cloud Gateway's own {@code RequestSize} filter reads only {@code Content-Length}, so a
 * chunked body (no length announced) of any size went through: a 12 MB chunked import reached
 * project-service. Here a body that announces its length is refused at once when that is over the
 * limit, and streamed as before otherwise; a chunked body is read here, at most up to the limit,
 * before anything is sent on: over it, it is refused and the service never sees the request (up to
 * {@link #SWALLOW} more is read and dropped first, so that the client sees the 413 rather than a
 * reset connection); within it, it is forwarded whole with its {@code Content-Length}. So a chunked
 * body costs the gateway up to the route's limit in memory while it arrives (browsers announce the
 * length of the files they upload; chunked uploads come from scripts). This runs after the token
 * check, so only a caller with a valid token makes the gateway hold a body.
 */
@Component
public class BodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

    /** What is still read and dropped after a chunked body went over its limit, as the services' Tomcat does. */
    static final DataSize SWALLOW = DataSize.ofMegabytes(16);

    public BodyLimitGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("maxSize");
    }

    @Override
    public GatewayFilter apply(Config config) {
        long maxBytes = config.getMaxSize().toBytes();
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a body limit is between 1 byte and 2 GB, not " + config.getMaxSize());
        }
        return (exchange, chain) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            long announced = headers.getContentLength();
            if (announced > maxBytes) {
                // refused unread; a body the client is still sending is dropped first if it is short enough
                Mono<Void> dropped = announced <= maxBytes + SWALLOW.toBytes()
                        ? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then() : Mono.empty();
                return dropped.then(Mono.error(tooLarge(maxBytes)));
            }
            if (announced >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                return chain.filter(exchange);
            }
            ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return heldUpTo(super.getBody(), maxBytes);
                }
            };
            // the body, joined, is kept in an exchange attribute and released when the exchange ends
            return ServerWebExchangeUtils.cacheRequestBody(exchange.mutate().request(limited).build(),
                    whole -> chain.filter(exchange.mutate().request(withItsLength(whole, exchange)).build()));
        };
    }

    /**
     * The body as one buffer, or {@link ContentTooLargeException} once it is over {@code maxBytes}:
     * then what it held is released, and up to {@link #SWALLOW} more bytes are read and dropped
     * before the refusal, so that a client still sending gets the 413 rather than a connection reset
     * (as Tomcat's {@code max-swallow-size}); a body longer than that is cut off.
     */
    private static Flux<DataBuffer> heldUpTo(Flux<DataBuffer> body, long maxBytes) {
        return body.reduceWith(() -> new Held(maxBytes), Held::add)
                .doOnDiscard(Held.class, Held::release)
                .flatMap(Held::whole)
                .flux();
    }

    /** The buffers of a body while it arrives; none once it is over the limit, only their count. */
    private static final class Held {

        private final long maxBytes;
        private final List<DataBuffer> buffers = new ArrayList<>();
        private long bytes;

        Held(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        Held add(DataBuffer buffer) {
            bytes += buffer.readableByteCount();
            if (bytes <= maxBytes) {
                buffers.add(buffer);
                return this;
            }
            // over: nothing is kept from here on (releasing twice is harmless: DataBufferUtils checks)
            DataBufferUtils.release(buffer);
            release();
            if (bytes > maxBytes + SWALLOW.toBytes()) {
                throw tooLarge(maxBytes);
            }
            return this;
        }

        /** The body in one buffer (none if it was empty), or the refusal if it went over the limit. */
        Mono<DataBuffer> whole() {
            if (bytes > maxBytes) {
                return Mono.error(tooLarge(maxBytes));
            }
            return buffers.isEmpty() ? Mono.empty() : Mono.just(buffers.getFirst().factory().join(buffers));
        }

        void release() {
            buffers.forEach(DataBufferUtils::release);
            buffers.clear();
        }
    }

    private static ServerHttpRequest withItsLength(ServerHttpRequest whole, ServerWebExchange exchange) {
        DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        long length = body == null ? 0 : body.readableByteCount();
        return whole.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(length);
        }).build();
    }

    private static ContentTooLargeException tooLarge(long maxBytes) {
        return new ContentTooLargeException(new DataBufferLimitException(
                "this route accepts request bodies of at most " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB ("
                        + maxBytes + " bytes)"));
    }

    public static class Config {

        private DataSize maxSize;

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }
}

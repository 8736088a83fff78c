package cn.gov.zhaoshang.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OneWriteResponsesTest {

    /** The response the joining one writes to, remembering what kind of body it was handed. */
    static final class WrittenResponse extends ServerHttpResponseDecorator {
        final AtomicReference<Publisher<? extends DataBuffer>> handed = new AtomicReference<>();

        WrittenResponse() {
            super(new MockServerHttpResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            handed.set(body);
            return super.writeWith(body);
        }

        String written() {
            return ((MockServerHttpResponse) getDelegate()).getBodyAsString().block();
        }
    }

    static Flux<DataBuffer> pieces(String... pieces) {
        return Flux.fromArray(pieces).map(piece -> DefaultDataBufferFactory.sharedInstance.wrap(piece.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aShortBodyOfKnownLengthIsHandedOnAsOneBuffer() {
        WrittenResponse written = new WrittenResponse();
        written.getHeaders().setContentLength(11);

        StepVerifier.create(new OneWriteResponses.JoiningResponse(written).writeWith(pieces("hello", " ", "world"))).verifyComplete();

        assertThat(written.handed.get()).isInstanceOf(Mono.class);
        assertThat(written.written()).isEqualTo("hello world");
    }

    @Test
    void aBodyOfUnknownLengthOrLongerThanTheLimitIsStreamed() {
        WrittenResponse unknownLength = new WrittenResponse();
        WrittenResponse tooLong = new WrittenResponse();
        tooLong.getHeaders().setContentLength(OneWriteResponses.LARGEST_JOINED_BODY + 1);
        Flux<DataBuffer> chunks = pieces("first", "second");
        Flux<DataBuffer> longBody = pieces("x".repeat(OneWriteResponses.LARGEST_JOINED_BODY), "y");

        StepVerifier.create(new OneWriteResponses.JoiningResponse(unknownLength).writeWith(chunks)).verifyComplete();
        StepVerifier.create(new OneWriteResponses.JoiningResponse(tooLong).writeWith(longBody)).verifyComplete();

        assertThat(unknownLength.handed.get()).isSameAs(chunks);
        assertThat(unknownLength.written()).isEqualTo("firstsecond");
        assertThat(tooLong.handed.get()).isSameAs(longBody);
        assertThat(tooLong.written()).hasSize(OneWriteResponses.LARGEST_JOINED_BODY + 1);
    }

    @Test
    void aServiceSendingFarMoreThanItAnnouncedFailsInsteadOfFillingMemory() {
        WrittenResponse written = new WrittenResponse();
        written.getHeaders().setContentLength(5);

        StepVerifier.create(new OneWriteResponses.JoiningResponse(written)
                        .writeWith(pieces("short", "x".repeat(OneWriteResponses.LARGEST_JOINED_BODY))))
                .verifyError(DataBufferLimitException.class);
    }
}

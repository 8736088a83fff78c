package cn.gov.zhaoshang.platform.security;

import java.time.Clock;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's decoder behind the memory of tokens that already passed it: the same rules as
 * {@link VerifiedTokenCache}, for a reactive decoder ({@link VerifiedTokens} says what is
 * remembered, for how long, and the trade-off).
 */
public final class ReactiveVerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final VerifiedTokens verified;

    public ReactiveVerifiedTokenCache(ReactiveJwtDecoder decoder, Clock clock, long maximumSize) {
        this.decoder = decoder;
        this.verified = new VerifiedTokens(clock, maximumSize);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt remembered = verified.remembered(token);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}

package cn.gov.zhaoshang.platform.security;

import java.time.Clock;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service's decoder behind the memory of tokens that already passed it ({@link VerifiedTokens}
 * says what is remembered, for how long, and the trade-off).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens verified;

    public VerifiedTokenCache(JwtDecoder decoder, Clock clock, long maximumSize) {
        this.decoder = decoder;
        this.verified = new VerifiedTokens(clock, maximumSize);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.remembered(token);
        if (remembered != null) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }
}

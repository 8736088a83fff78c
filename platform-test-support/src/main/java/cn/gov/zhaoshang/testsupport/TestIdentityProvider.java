package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Keycloak's token endpoint in service-level tests: it holds an RSA key set,
 * publishes the public keys at a Keycloak-shaped JWKS URL on loopback, and mints access tokens
 * with the claims Keycloak puts there ({@code realm_access.roles}, {@code org_unit}, {@code aud}).
 *
 * <p>Services validate these tokens with exactly the configuration they use against Keycloak:
 * a JWKS URI, an issuer and an audience. End-to-end tests against the real Keycloak come with the
 * gateway issue.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "zhaoshang-api";
    private static final String REALM_PATH = "/realms/zhaoshang";

    private volatile RSAKey signingKey;
    private final RSAKey strangerKey;
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final HttpServer server;
    private final String issuer;

    private TestIdentityProvider(RSAKey signingKey, RSAKey strangerKey) throws IOException {
        this.signingKey = signingKey;
        this.strangerKey = strangerKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            keySetFetches.incrementAndGet();
            // only the current key is published, as after a completed Keycloak key rotation
            byte[] jwks = new JWKSet(this.signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    public static TestIdentityProvider start() {
        TestLane.refuseServerInFastLane("the test token issuer");
        try {
            return new TestIdentityProvider(newRsaKey("test-signing-key"), newRsaKey("not-published-key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the signing key by a new one with a new key id, and publishes only the new key:
     * what Keycloak's key rotation looks like to a resource server.
     */
    public void rotateSigningKey() {
        signingKey = newRsaKey("test-signing-key-" + UUID.randomUUID());
    }

    /** How many times its key set was fetched so far. */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A token for a user of the given org unit with the given realm roles, valid for 5 minutes. */
    public String tokenFor(String username, String orgUnit, String... roles) {
        return token(username).orgUnit(orgUnit).roles(roles).sign();
    }

    public TokenBuilder token(String username) {
        return new TokenBuilder(username);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAKey newRsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every property a negative test may want to get wrong. */
    public final class TokenBuilder {
        private final String username;
        private String orgUnit;
        private List<String> roles = List.of();
        private String tokenIssuer = issuer;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private boolean signedByStranger;
        private String keyId;

        private TokenBuilder(String username) {
            this.username = username;
        }

        public TokenBuilder orgUnit(String code) {
            this.orgUnit = code;
            return this;
        }

        public TokenBuilder roles(String... realmRoles) {
            this.roles = List.of(realmRoles);
            return this;
        }

        public TokenBuilder issuer(String otherIssuer) {
            this.tokenIssuer = otherIssuer;
            return this;
        }

        public TokenBuilder audience(String otherAudience) {
            this.audience = otherAudience;
            return this;
        }

        public TokenBuilder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        /**
         * Names another key id in the header than the key it is signed with: one this issuer never
         * published, as anyone can write into a token's header.
         */
        public TokenBuilder keyId(String otherKeyId) {
            this.keyId = otherKeyId;
            return this;
        }

        /** Signs with a key the services were never told about. */
        public TokenBuilder signedByUnknownKey() {
            this.signedByStranger = true;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(tokenIssuer)
                    .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                    .audience(audience)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(5))))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("preferred_username", username)
                    .claim("azp", "zhaoshang-cli")
                    .claim("realm_access", Map.of("roles", new ArrayList<>(roles)));
            if (orgUnit != null) {
                claims.claim("org_unit", orgUnit);
            }
            RSAKey key = signedByStranger ? strangerKey : signingKey;
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId != null ? keyId : key.getKeyID()).type(JOSEObjectType.JWT).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

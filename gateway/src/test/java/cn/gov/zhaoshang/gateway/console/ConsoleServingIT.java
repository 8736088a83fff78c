package cn.gov.zhaoshang.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import cn.gov.zhaoshang.testsupport.PlatformServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web console as the gateway serves it from the console module's jar: the page with the
 * sign-in settings, client-side routes, hashed assets, pre-compressed copies and the headers of
 * decision 0008. The API behind it still needs a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleServingIT {

    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"/(assets/index-[A-Za-z0-9_-]+\\.js)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    String issuer;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        PlatformServers.tokenValidationProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void issuer() {
        issuer = PlatformServers.identityProvider().issuer();
    }

    @Test
    void thePageCarriesTheSignInSettingsIsNeverCachedAndForbidsInlineScriptEvalAndFraming() throws Exception {
        HttpResponse<String> page = get("/", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        assertThat(page.body())
                .contains("data-url=\"" + keycloak + "\"", "data-realm=\"zhaoshang\"", "data-client-id=\"zhaoshang-console\"",
                        // the gateway asked the identity provider's key endpoint, which answered
                        "data-keycloak-answers=\"true\"",
                        "<link rel=\"preconnect\" href=\"" + keycloak + "\"")
                .doesNotContain("__KEYCLOAK_")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'",
                "connect-src 'self' " + URI.create(issuer).getScheme() + "://" + URI.create(issuer).getRawAuthority());
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theSilentSignInPageMayBeFramedByTheConsoleAloneAndTheConsoleFramesOnlyItselfAndKeycloak() throws Exception {
        HttpResponse<String> silent = get("/silent-check-sso.html", "text/html");

        assertThat(silent.statusCode()).isEqualTo(200);
        assertThat(silent.body()).contains("<script src=\"/silent-check-sso.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        String policy = silent.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'self'", "script-src 'self';").doesNotContain("frame-ancestors 'none'");
        assertThat(silent.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(get("/silent-check-sso.js", "*/*").body()).contains("parent.postMessage(location.href, location.origin)");

        String consolePolicy = get("/", "text/html").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(consolePolicy).contains("frame-src 'self' " + URI.create(issuer).getScheme() + "://" + URI.create(issuer).getRawAuthority() + ";");
    }

    @Test
    void clientSideRoutesGetThePageAndAMissingFileIsA404() throws Exception {
        HttpResponse<String> deepLink = get("/cockpit/450800?period=2026-10-YTD", "text/html");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(get("/", "text/html").body());
        assertThat(deepLink.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(get("/assets/no-such-file-0000.js", "*/*").statusCode()).isEqualTo(404);
        assertThat(get("/assets/..%2F..%2Fapplication.yml", "*/*").statusCode()).isIn(400, 404);
    }

    @Test
    void hashedAssetsAreCachedForAYearAndSentPreCompressedToBrowsersThatAcceptIt() throws Exception {
        Matcher entry = ENTRY_SCRIPT.matcher(get("/", "text/html").body());
        assertThat(entry.find()).as("index.html loads its entry script from /assets/").isTrue();
        String script = "/" + entry.group(1);

        HttpResponse<byte[]> plain = getBytes(script, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> gzipped = getBytes(script, "gzip, deflate");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.body().length).isLessThan(plain.body().length);

        HttpResponse<byte[]> brotli = getBytes(script, "gzip, deflate, br");
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.body().length).isLessThan(gzipped.body().length);
    }

    @Test
    void theApiStillNeedsATokenAndTheConsoleAcceptsOnlyReads() throws Exception {
        assertThat(get("/api/projects", "application/json").statusCode()).isEqualTo(401);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}

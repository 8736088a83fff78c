package cn.gov.zhaoshang.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's built files, from the {@code console} module's jar ({@code classpath:console/}):
 * hashed assets (with the {@code .br} and {@code .gz} copies the build wrote beside them) and
 * index.html, which is read once and given the sign-in settings, in two copies: Keycloak answers
 * or it does not ({@link KeycloakAvailability}).
 */
class ConsoleFiles {

    static final String ROOT = "console/";
    private static final Pattern SAFE_PATH = Pattern.compile("^[A-Za-z0-9._/-]+$");

    private final byte[] indexHtmlKeycloakAnswers;
    private final byte[] indexHtmlKeycloakSilent;

    ConsoleFiles(SignInSettings signIn) {
        String template = read(ROOT + "index.html");
        this.indexHtmlKeycloakAnswers = render(template, signIn, true).getBytes(StandardCharsets.UTF_8);
        this.indexHtmlKeycloakSilent = render(template, signIn, false).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the console was built into this gateway (a gateway without it still routes the API). */
    static boolean present() {
        return new ClassPathResource(ROOT + "index.html").exists();
    }

    byte[] indexHtml(boolean keycloakAnswers) {
        return keycloakAnswers ? indexHtmlKeycloakAnswers : indexHtmlKeycloakSilent;
    }

    /** A built file by its path under the root, never outside it. */
    Optional<Resource> file(String path) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.startsWith("/") || path.endsWith("/")) {
            return Optional.empty();
        }
        ClassPathResource resource = new ClassPathResource(ROOT + path);
        return resource.exists() && resource.isReadable() ? Optional.of(resource) : Optional.empty();
    }

    /** The pre-compressed copy to send for the client's Accept-Encoding: brotli, then gzip, else none. */
    Optional<Encoded> encoded(String path, List<String> acceptedEncodings) {
        for (String encoding : List.of("br", "gzip")) {
            if (acceptedEncodings.contains(encoding)) {
                Optional<Resource> copy = file(path + (encoding.equals("br") ? ".br" : ".gz"));
                if (copy.isPresent()) {
                    return Optional.of(new Encoded(copy.get(), encoding));
                }
            }
        }
        return Optional.empty();
    }

    record Encoded(Resource resource, String encoding) {
    }

    static String render(String template, SignInSettings signIn, boolean keycloakAnswers) {
        String html = template
                .replace("__KEYCLOAK_ANSWERS__", String.valueOf(keycloakAnswers))
                .replace("__KEYCLOAK_URL__", HtmlUtils.htmlEscape(signIn.keycloakUrl()))
                .replace("__KEYCLOAK_REALM__", HtmlUtils.htmlEscape(signIn.realm()))
                .replace("__KEYCLOAK_CLIENT_ID__", HtmlUtils.htmlEscape(signIn.clientId()))
                .replace("__KEYCLOAK_ORIGIN__", HtmlUtils.htmlEscape(signIn.keycloakOrigin()));
        if (html.contains("__KEYCLOAK_")) {
            throw new IllegalStateException("index.html still holds a sign-in placeholder after rendering");
        }
        return html;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the console's " + path + " cannot be read", e);
        }
    }
}

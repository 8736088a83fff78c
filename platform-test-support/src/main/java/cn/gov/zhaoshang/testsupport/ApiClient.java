package cn.gov.zhaoshang.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for API tests: JSON in, status and JSON out, with an optional bearer token. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;
    private final Duration timeout;

    private ApiClient(String baseUrl, String token, Map<String, String> headers, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of(), Duration.ofSeconds(30));
    }

    /** A service of this JVM, started by the test on {@code port} of the loopback address. */
    public static ApiClient atPort(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public ApiClient withToken(String bearerToken) {
        return new ApiClient(baseUrl, bearerToken, headers, timeout);
    }

    /** The same client acting as {@code user}, with a token of this JVM's token issuer. */
    public ApiClient as(TestUser user) {
        return withToken(user.token());
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, more, timeout);
    }

    /** The same client with another time limit per request (30 s by default), for long admin commands. */
    public ApiClient withTimeout(Duration requestTimeout) {
        return new ApiClient(baseUrl, token, headers, requestTimeout);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose answer is a file: its bytes as sent, with status and headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        return withBody(path, "POST", "application/json", body);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response put(String path, Object body) {
        return withBody(path, "PUT", "application/json", body);
    }

    /** A JSON merge patch (RFC 7396); a precondition goes in {@link #withHeader}, e.g. {@code If-Match}. */
    public Response patch(String path, Object body) {
        return withBody(path, "PATCH", "application/merge-patch+json", body);
    }

    /**
     * A request whose body is exactly {@code body}: a file, or JSON whose bytes are not what a String
     * would give (invalid UTF-8); no Content-Type when {@code contentType} is null.
     */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * A POST whose body is sent in chunks ({@code Transfer-Encoding: chunked}), its length not
     * announced, as a streaming client sends it.
     */
    public Response postChunked(String path, String contentType, byte[] body) {
        return withBody(path, "POST", contentType,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    /** A POST of bytes, their length announced. */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body);
    }

    /** A request with a JSON body: a String as it is, anything else as Jackson writes it. */
    private Response withBody(String path, String method, String contentType, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return withBody(path, method, contentType, HttpRequest.BodyPublishers.ofString(json));
    }

    private Response withBody(String path, String method, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).method(method, body));
    }

    /**
     * Creates something that the test needs in place: the POST must answer 201 Created, else the
     * test fails here with the answer, not later on its absence.
     */
    public Response create(String path, Object body) {
        Response response = post(path, body);
        if (response.status() != 201) {
            throw new AssertionError("POST " + path + " should have answered 201 Created: " + response);
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response; {@link #json()} parses the body. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

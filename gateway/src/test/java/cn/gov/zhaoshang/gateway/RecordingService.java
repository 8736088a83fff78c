package cn.gov.zhaoshang.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway that records the headers and body lengths of what
 * reaches it. A path
 * ending in {@code /slow} is answered only after {@link #SLOW_ANSWER}, as by a service that hangs; one
 * ending in {@code /long} gets {@link #longAnswer()} (its length announced), and one ending in
 * {@code /chunked} gets {@link #chunkedAnswer()} in chunks, its length not announced.
 */
final class RecordingService implements AutoCloseable {

    static final java.time.Duration SLOW_ANSWER = java.time.Duration.ofSeconds(4);

    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    /** The length of each request body that reached it, in order. */
    final List<Integer> bodyLengths = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    RecordingService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            bodyLengths.add(exchange.getRequestBody().readAllBytes().length);
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(SLOW_ANSWER);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/chunked")) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String piece : chunkedAnswer().split("(?<=;)")) {
                        out.write(piece.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                return;
            }
            byte[] body = (path.endsWith("/long") ? longAnswer() : "service saw " + path).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    /** Longer than the gateway joins into one buffer (64 KiB), numbered so that a lost piece shows. */
    static String longAnswer() {
        StringBuilder answer = new StringBuilder();
        for (int line = 0; answer.length() < 200_000; line++) {
            answer.append("line ").append(line).append('\n');
        }
        return answer.toString();
    }

    static String chunkedAnswer() {
        return "first piece;second piece;third piece;";
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The values of one header in every request the service saw, in order. */
    List<String> seen(String header) {
        return requestHeaders.stream()
                .map(headers -> headers.entrySet().stream()
                        .filter(entry -> entry.getKey().equalsIgnoreCase(header))
                        .map(entry -> String.join(",", entry.getValue()))
                        .findFirst().orElse(null))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}

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
 * A stand-in for a service behind the gateway that records the headers of what reaches it. A path
 * ending in {@code /slow} is answered only after {@link #SLOW_ANSWER}, as by a service that hangs.
 */
final class RecordingService implements AutoCloseable {

    static final java.time.Duration SLOW_ANSWER = java.time.Duration.ofSeconds(4);

    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
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
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(SLOW_ANSWER);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("service saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(handlers);
        server.start();
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

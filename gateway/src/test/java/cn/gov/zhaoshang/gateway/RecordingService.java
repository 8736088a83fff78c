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

import com.sun.net.httpserver.HttpServer;

/** A stand-in for a service behind the gateway that records the headers of what reaches it. */
final class RecordingService implements AutoCloseable {

    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("service saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
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
    }
}

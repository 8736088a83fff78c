package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An identity provider that accepts every connection for its keys and never answers, as a Keycloak
 * too busy to serve its {@code certs} endpoint: a plain server socket on loopback that never writes
 * a byte. Point {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at {@link #jwkSetUri()}.
 */
public final class SilentKeyEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    public SilentKeyEndpoint() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("silent-key-endpoint").start(() -> {
            while (!server.isClosed()) {
                try {
                    connections.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/realms/zhaoshang/protocol/openid-connect/certs";
    }

    /** How many connections were accepted (and left unanswered) so far. */
    public int connectionsAccepted() {
        return connections.size();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException ignored) {
            // nothing left to answer
        }
    }
}

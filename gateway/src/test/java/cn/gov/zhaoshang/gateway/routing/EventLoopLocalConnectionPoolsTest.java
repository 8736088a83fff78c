package cn.gov.zhaoshang.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Requests sent from an event loop go out on connections of that loop, and those are reused. */
class EventLoopLocalConnectionPoolsTest {

    private final LoopResources serverLoops = LoopResources.create("service", 1, true);
    private final DisposableServer service = HttpServer.create().host("127.0.0.1").port(0).runOn(serverLoops)
            .handle((request, response) -> response.sendString(Mono.just("ok")))
            .bindNow();
    /** The gateway's loops: requests arrive on them, and the calls to services start there. */
    private final LoopResources gatewayLoops = LoopResources.create("gateway", 2, true);
    private final List<EventLoop> loops = new ArrayList<>();
    private ConnectionProvider provider;

    EventLoopLocalConnectionPoolsTest() {
        for (EventExecutor executor : gatewayLoops.onServer(false)) {
            loops.add((EventLoop) executor);
        }
    }

    @AfterEach
    void stop() {
        provider.dispose();
        service.disposeNow();
        gatewayLoops.disposeLater().block(Duration.ofSeconds(10));
        serverLoops.disposeLater().block(Duration.ofSeconds(10));
    }

    @Test
    void eachLoopSendsOnItsOwnConnectionAndReusesIt() throws Exception {
        provider = new EventLoopLocalConnectionPools(() -> ConnectionProvider.builder("test").maxConnections(10).build());
        HttpClient client = clientWith(provider);
        List<Channel> used = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (EventLoop loop : loops) {
                Channel channel = sendFrom(loop, client);
                assertThat(channel.eventLoop()).isSameAs(loop);
                used.add(channel);
            }
        }
        // one connection per loop, each reused in every round
        assertThat(used.stream().map(Channel::id).distinct()).hasSize(loops.size());
    }

    /** Why the pools exist: a shared pool hands a loop's idle connection to another loop. */
    @Test
    void aSharedPoolHandsOneLoopsConnectionToAnother() throws Exception {
        provider = ConnectionProvider.builder("shared").maxConnections(10).build();
        HttpClient client = clientWith(provider);
        Channel first = sendFrom(loops.get(0), client);
        Channel second = sendFrom(loops.get(1), client);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.eventLoop()).isSameAs(loops.get(0)).isNotSameAs(loops.get(1));
    }

    private HttpClient clientWith(ConnectionProvider connections) {
        return HttpClient.create(connections).runOn(gatewayLoops, false).baseUrl("http://127.0.0.1:" + service.port());
    }

    /** Sends one request, subscribed on the given loop as the gateway does, and returns its connection. */
    private static Channel sendFrom(EventLoop loop, HttpClient client) throws Exception {
        CompletableFuture<Channel> connection = new CompletableFuture<>();
        CompletableFuture<String> body = new CompletableFuture<>();
        loop.execute(() -> client.doOnRequest((request, conn) -> connection.complete(conn.channel()))
                .get().uri("/").responseContent().aggregate().asString()
                .subscribe(body::complete, body::completeExceptionally));
        assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        // the connection goes back to its pool on its loop once the response is read: let that happen
        connection.get(10, TimeUnit.SECONDS).eventLoop().submit(() -> { }).get(10, TimeUnit.SECONDS);
        return connection.get();
    }
}

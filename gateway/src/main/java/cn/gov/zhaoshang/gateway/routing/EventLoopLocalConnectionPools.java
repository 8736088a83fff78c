package cn.gov.zhaoshang.gateway.routing;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * Connections to the services, pooled per event loop: a request handled on one of the gateway's
 * event loops is sent on a connection that lives on the same loop, so the whole exchange — the
 * client's request, the call to the service, its answer and the response — runs on one thread.
 *
 * <p>Why: Reactor Netty keeps one pool per service address, shared by all event loops. New
 * connections are opened on the loop that asks for them, but an idle one is handed to whichever
 * loop asks next, so most requests were written by another loop (a task queued to it, and that
 * thread woken up) and their answers handed back the same way. Each hand-off costs CPU, and on a
 * machine whose cores are busy the woken thread waits for one: milliseconds per request at a fixed
 * rate, more than the gateway's own work (see docs/gateway.md).
 *
 * <p>Each loop's pool is built by the same factory, with the same settings (idle and life time,
 * the pool's limits), so a limit on connections applies per loop. A caller that is not on an event
 * loop (none in the gateway's request path) uses a pool of its own.
 */
public final class EventLoopLocalConnectionPools implements ConnectionProvider {

    private final Supplier<ConnectionProvider> newPool;
    private final Map<EventLoop, ConnectionProvider> perLoop = new ConcurrentHashMap<>();
    private final ConnectionProvider offLoop;

    public EventLoopLocalConnectionPools(Supplier<ConnectionProvider> newPool) {
        this.newPool = newPool;
        this.offLoop = newPool.get();
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        // the pool is chosen by the thread that subscribes, which is the loop the request runs on
        return Mono.defer(() -> poolOfThisThread().acquire(config, observer, remoteAddress, resolverGroup));
    }

    ConnectionProvider poolOfThisThread() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        if (executor instanceof EventLoop loop) {
            return perLoop.computeIfAbsent(loop, ignored -> newPool.get());
        }
        return offLoop;
    }

    /** The pools in use: one per event loop that has sent a request, and the one for other threads. */
    List<ConnectionProvider> pools() {
        List<ConnectionProvider> pools = new ArrayList<>(perLoop.values());
        pools.add(offLoop);
        return pools;
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        pools().forEach(pool -> pool.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.whenDelayError(pools().stream().map(ConnectionProvider::disposeLater).toList());
    }

    @Override
    public void dispose() {
        disposeLater().block();
    }

    @Override
    public boolean isDisposed() {
        return pools().stream().allMatch(ConnectionProvider::isDisposed);
    }

    /** The limit of each loop's pool. */
    @Override
    public int maxConnections() {
        return offLoop.maxConnections();
    }

    @Override
    public Map<SocketAddress, Integer> maxConnectionsPerHost() {
        return offLoop.maxConnectionsPerHost();
    }

    @Override
    public String name() {
        return offLoop.name();
    }
}

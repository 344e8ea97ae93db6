package dev.gaia.gateway.websocket;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a WebSocket upgrade on its connection's own event loop.
 * <p>
 * Verifying the access token may end on another thread. Reactor Netty writes the
 * {@code 101 Switching Protocols} from there, and hands the connection to the WebSocket only
 * once the event loop has run the write's listener. A client that sends its first frame the
 * moment it reads the 101 can win that race: the frame reaches the finished HTTP exchange and
 * is dropped, and the player waits for an answer that never comes. Started on the event loop,
 * the hand-over happens within the write, before the loop reads again.
 */
@Component
class UpgradeOnEventLoopFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())
                || !(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)) {
            return chain.filter(exchange);
        }
        EventLoop eventLoop = connection.channel().eventLoop();
        if (eventLoop.inEventLoop()) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.fromExecutor(eventLoop));
    }

    /**
     * Right before {@link WebsocketRoutingFilter} (order {@code LOWEST_PRECEDENCE - 1}), which
     * answers the upgrade and opens the connection to the service.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 2;
    }
}

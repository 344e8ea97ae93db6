package dev.gaia.shared.test;

/**
 * A Redis server, as integration tests reach it.
 *
 * @param host its host name or address
 * @param port its port
 */
public record RedisEndpoint(String host, int port) {

    /**
     * @return the server as a {@code redis://host:port} URL
     */
    public String url() {
        return "redis://" + host + ":" + port;
    }
}

package dev.gaia.gateway.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the gateway beyond its routes (which are Spring Cloud Gateway's own
 * {@code spring.cloud.gateway.server.webflux.routes}).
 *
 * @param corsAllowedOrigins origins whose browser scripts may call the API, such as
 *        {@code https://play.example.com}; none by default
 */
@ConfigurationProperties("gaia.gateway")
public record GatewayProperties(@DefaultValue List<String> corsAllowedOrigins) {
}

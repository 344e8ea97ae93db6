package dev.gaia.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body a service reads; larger ones are answered 413
 */
@ConfigurationProperties("gaia.http")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}

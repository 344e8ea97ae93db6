package dev.gaia.npc.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Card import settings, bound from {@code gaia.npc.card.*}.
 *
 * @param maxFileSize the largest card file {@code POST /api/npcs/import} reads; the service's
 *        {@code gaia.http.max-request-size} and {@code spring.servlet.multipart.*} must allow it
 */
@ConfigurationProperties("gaia.npc.card")
record CardProperties(@DefaultValue("8MB") DataSize maxFileSize) {
}

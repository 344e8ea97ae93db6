package dev.gaia.chat.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of chat-service.
 *
 * @param npcUrl npc-service, which keeps the Life Strands
 * @param modelUrl model-service, or any server speaking OpenAI's {@code /v1/chat/completions}
 * @param connectTimeout how long connecting to npc-service or model-service may take
 * @param npcReadTimeout how long npc-service may take to answer a Life Strand
 * @param modelReadTimeout the longest silence allowed while waiting for the reply's next chunk;
 *        it bounds the gap between tokens, not the length of a reply
 * @param historySize how many recent messages (user and NPC) go into a prompt and stay cached
 * @param historyTtl how long a conversation's cached history outlives its last turn
 * @param heartbeatInterval how often an SSE reply sends a comment while no token comes, so that
 *        proxies and clients keep the connection open
 */
@Validated
@ConfigurationProperties("gaia.chat")
public record ChatProperties(
        @DefaultValue("http://localhost:8083") URI npcUrl,
        @DefaultValue("http://localhost:8085") URI modelUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration npcReadTimeout,
        @DefaultValue("60s") Duration modelReadTimeout,
        @DefaultValue("20") @Positive int historySize,
        @DefaultValue("24h") Duration historyTtl,
        @DefaultValue("15s") Duration heartbeatInterval) {
}

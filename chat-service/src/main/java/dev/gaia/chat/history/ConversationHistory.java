package dev.gaia.chat.history;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.gaia.chat.config.ChatProperties;
import dev.gaia.chat.conversation.Message;
import dev.gaia.chat.conversation.MessageRepository;
import dev.gaia.chat.model.ChatMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The recent history of a conversation, the part of it a prompt carries. Redis caches it in a
 * capped list per conversation; PostgreSQL's transcript is the record, read when Redis has
 * nothing or is down. The list is either absent or holds the conversation's latest messages
 * without a gap: a turn is appended only to a list that exists, or when it is the first.
 */
@Component
public class ConversationHistory {

    private static final Logger log = LoggerFactory.getLogger(ConversationHistory.class);

    private final StringRedisTemplate redis;
    private final MessageRepository messages;
    private final JsonMapper json;
    private final int size;
    private final long ttlSeconds;

    ConversationHistory(StringRedisTemplate redis, MessageRepository messages, JsonMapper json,
            ChatProperties properties) {
        this.redis = redis;
        this.messages = messages;
        this.json = json;
        this.size = properties.historySize();
        this.ttlSeconds = properties.historyTtl().toSeconds();
    }

    /** The conversation's latest messages, oldest first. */
    public List<ChatMessage> recent(UUID gameId, UUID conversationId) {
        String key = key(gameId, conversationId);
        try {
            List<String> cached = redis.opsForList().range(key, -size, -1);
            if (cached != null && !cached.isEmpty()) {
                return cached.stream().map(entry -> json.readValue(entry, ChatMessage.class)).toList();
            }
        }
        catch (DataAccessException | JacksonException ex) {
            log.warn("History of conversation {} not readable from Redis, reading PostgreSQL: {}", conversationId,
                    ex.getMessage());
            return stored(gameId, conversationId);
        }
        List<ChatMessage> stored = stored(gameId, conversationId);
        cache(key, stored);
        return stored;
    }

    /**
     * Adds a recorded turn to the cached history. Redis failing costs the next turn a read of
     * PostgreSQL, never this turn.
     *
     * @param turn the turn's messages as stored, in order
     */
    public void append(UUID gameId, UUID conversationId, List<Message> turn) {
        String key = key(gameId, conversationId);
        boolean first = turn.getFirst().getSeq() == 1;
        byte[][] entries = turn.stream().map(message -> entry(message.getRole().value(), message.getContent()))
                .toArray(byte[][]::new);
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                byte[] list = bytes(key);
                if (first) {
                    connection.listCommands().rPush(list, entries);
                }
                else {
                    // Only onto a list that holds everything before this turn; else leave it to the next read.
                    for (byte[] entry : entries) {
                        connection.listCommands().rPushX(list, entry);
                    }
                }
                connection.listCommands().lTrim(list, -size, -1);
                connection.keyCommands().expire(list, ttlSeconds);
                return null;
            });
        }
        catch (DataAccessException ex) {
            log.warn("Could not add a turn to the cached history of conversation {}: {}", conversationId,
                    ex.getMessage());
            forget(key);
        }
    }

    private List<ChatMessage> stored(UUID gameId, UUID conversationId) {
        return messages.findByGameIdAndConversationIdOrderBySeqDesc(gameId, conversationId, Limit.of(size))
                .reversed().stream()
                .map(message -> new ChatMessage(message.getRole().value(), message.getContent()))
                .toList();
    }

    private void cache(String key, List<ChatMessage> history) {
        if (history.isEmpty()) {
            return;
        }
        byte[][] entries = history.stream().map(message -> entry(message.role(), message.content()))
                .toArray(byte[][]::new);
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                byte[] list = bytes(key);
                connection.keyCommands().del(list);
                connection.listCommands().rPush(list, entries);
                connection.keyCommands().expire(list, ttlSeconds);
                return null;
            });
        }
        catch (DataAccessException ex) {
            log.warn("Could not cache the history {}: {}", key, ex.getMessage());
        }
    }

    /** A list that missed a turn must not be read again: without it, the next read rebuilds it. */
    private void forget(String key) {
        try {
            redis.delete(key);
        }
        catch (DataAccessException ex) {
            log.warn("Could not drop the stale history {}; it expires within {}s", key, ttlSeconds);
        }
    }

    private byte[] entry(String role, String content) {
        return json.writeValueAsBytes(new ChatMessage(role, content));
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static String key(UUID gameId, UUID conversationId) {
        return "gaia:" + gameId + ":conversation:" + conversationId + ":history";
    }
}

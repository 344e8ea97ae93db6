package dev.gaia.chat.npc;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one of npc-service's knowledge facts as its text: a plain string, or the {@code text}
 * of a fact written as an object (with a source, confidence, scope or keys).
 */
final class KnowledgeText extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        JsonNode fact = context.readTree(parser);
        return fact.isString() ? fact.stringValue() : fact.path("text").asString();
    }
}

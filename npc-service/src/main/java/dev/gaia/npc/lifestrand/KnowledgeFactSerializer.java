package dev.gaia.npc.lifestrand;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a knowledge fact that is nothing but its text as a plain string, as DESIGN §2's Life
 * Strands and the clients written for them have it; a fact with a source, confidence, scope or
 * keys as an object of those members.
 */
final class KnowledgeFactSerializer extends ValueSerializer<LifeStrand.KnowledgeFact> {

    @Override
    public void serialize(LifeStrand.KnowledgeFact fact, JsonGenerator json, SerializationContext context)
            throws JacksonException {
        if (fact.source() == null && fact.confidence() == null && fact.scope() == null && fact.keys().isEmpty()) {
            json.writeString(fact.text());
            return;
        }
        json.writeStartObject(fact);
        json.writeStringProperty("text", fact.text());
        if (fact.source() != null) {
            json.writeStringProperty("source", fact.source());
        }
        if (fact.confidence() != null) {
            json.writeNumberProperty("confidence", fact.confidence());
        }
        if (fact.scope() != null) {
            json.writeStringProperty("scope", fact.scope().name());
        }
        if (!fact.keys().isEmpty()) {
            json.writeArrayPropertyStart("keys");
            for (String key : fact.keys()) {
                json.writeString(key);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}

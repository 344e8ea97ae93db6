package dev.gaia.npc.lifestrand;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a Life Strand as the same snake_case JSON the API speaks, in a {@code jsonb} column.
 * Hibernate gets it from Spring, so it writes with the service's own {@link JsonMapper}.
 */
@Converter
class LifeStrandJsonConverter implements AttributeConverter<LifeStrand, String> {

    private final JsonMapper jsonMapper;

    LifeStrandJsonConverter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String convertToDatabaseColumn(LifeStrand lifeStrand) {
        return jsonMapper.writeValueAsString(lifeStrand);
    }

    @Override
    public LifeStrand convertToEntityAttribute(String json) {
        return jsonMapper.readValue(json, LifeStrand.class);
    }
}

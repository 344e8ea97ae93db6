package dev.gaia.npc.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body sent to npc-service must say exactly what it means: a field the API does not
 * know (a typo such as {@code big_fve} or {@code intensty}) or a fraction where a whole number
 * belongs is a 400, not silently dropped. Only what clients send is read strictly; events and
 * other services' answers are still read tolerantly.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration implements WebMvcConfigurer {

    private final JsonMapper strictMapper;

    StrictJsonConfiguration(JsonMapper jsonMapper) {
        this.strictMapper = strict(jsonMapper);
    }

    /** {@code jsonMapper}, but refusing unknown fields and fractions where whole numbers belong. */
    public static JsonMapper strict(JsonMapper jsonMapper) {
        return jsonMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strictMapper));
    }
}

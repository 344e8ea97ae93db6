package dev.gaia.model.usage;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meter filter of {@link ModelCallMetrics}, given to the registries before any meter is made. */
@Configuration(proxyBeanMethods = false)
class ModelCallMetricsConfiguration {

    @Bean
    static MeterFilter modelNameLimit() {
        return ModelCallMetrics.modelNameLimit();
    }
}

package dev.gaia.npc.emotion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link EmotionProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmotionProperties.class)
class EmotionConfiguration {
}

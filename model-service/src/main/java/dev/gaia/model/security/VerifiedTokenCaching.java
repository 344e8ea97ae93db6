package dev.gaia.model.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/** Puts a {@link VerifiedTokenCache} in front of the application's {@link JwtDecoder}. */
@Component
class VerifiedTokenCaching implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                ? new VerifiedTokenCache(decoder, Clock.systemUTC()) : bean;
    }
}

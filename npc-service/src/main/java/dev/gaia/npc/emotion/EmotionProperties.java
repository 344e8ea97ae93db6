package dev.gaia.npc.emotion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How characters' feelings behave.
 *
 * @param halfLife how long a feeling takes to fade halfway back to the character's baseline
 */
@ConfigurationProperties("gaia.npc.emotion")
record EmotionProperties(@DefaultValue("PT2H") Duration halfLife) {

    EmotionProperties {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("gaia.npc.emotion.half-life must be positive, not " + halfLife);
        }
    }
}

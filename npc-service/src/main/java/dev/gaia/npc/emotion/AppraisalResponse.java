package dev.gaia.npc.emotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What an appraised event did to a character.
 *
 * @param event what happened
 * @param intensity how strong it was
 * @param sentiment a message's sentiment; absent for other events
 * @param delta how far it moved the character's feelings, after personality
 * @param state how the character feels now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AppraisalResponse(AppraisalEvent event, double intensity, @Nullable Double sentiment, Pad delta,
        EmotionalStateResponse state) {
}

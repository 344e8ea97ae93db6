package dev.gaia.npc.emotion;

import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A character's feelings: everyone of the game who may see the character may read them; only
 * designers and admins may move them directly, by appraising an event.
 */
@RestController
@RequestMapping("/api/npcs/{npcId}")
class EmotionController {

    private final EmotionService emotions;

    EmotionController(EmotionService emotions) {
        this.emotions = emotions;
    }

    @GetMapping("/emotional-state")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    EmotionalStateResponse read(@PathVariable UUID npcId, GaiaPrincipal caller) {
        return emotions.read(caller, npcId);
    }

    @PostMapping("/appraisals")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    AppraisalResponse appraise(@PathVariable UUID npcId, @Valid @RequestBody AppraisalRequest request,
            GaiaPrincipal caller) {
        boolean message = request.event() == AppraisalEvent.MESSAGE;
        if (message && request.sentiment() == null) {
            throw ProblemException.badRequest("sentiment_required",
                    "A MESSAGE is appraised by its sentiment: give a sentiment from -1 to 1.");
        }
        if (!message && request.sentiment() != null) {
            throw ProblemException.badRequest("sentiment_not_applicable",
                    "Only a MESSAGE has a sentiment; a " + request.event() + " is appraised by its intensity alone.");
        }
        return emotions.appraise(caller.gameId(), npcId, request.event(), request.intensity(),
                message ? request.sentiment() : 0);
    }
}

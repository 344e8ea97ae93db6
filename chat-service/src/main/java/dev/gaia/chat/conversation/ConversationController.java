package dev.gaia.chat.conversation;

import java.net.URI;
import java.util.UUID;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    @PostMapping("/start")
    ResponseEntity<StartConversationResponse> start(GaiaPrincipal caller,
            @Valid @RequestBody StartConversationRequest request) {
        StartConversationResponse started = conversations.start(caller, request);
        return ResponseEntity.created(URI.create("/api/conversations/" + started.sessionId())).body(started);
    }

    @PostMapping("/{sessionId}/end")
    EndConversationResponse end(GaiaPrincipal caller, @PathVariable UUID sessionId) {
        return conversations.end(caller, sessionId);
    }

    @GetMapping("/{sessionId}")
    ConversationTranscript get(GaiaPrincipal caller, @PathVariable UUID sessionId) {
        return conversations.transcript(caller, sessionId);
    }
}

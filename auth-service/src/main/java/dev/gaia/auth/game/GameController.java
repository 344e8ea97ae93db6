package dev.gaia.auth.game;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GameController {

    private final GameService games;

    GameController(GameService games) {
        this.games = games;
    }

    @PostMapping("/api/auth/games")
    @ResponseStatus(HttpStatus.CREATED)
    CreateGameResponse create(@Valid @RequestBody CreateGameRequest request) {
        return games.create(request);
    }
}

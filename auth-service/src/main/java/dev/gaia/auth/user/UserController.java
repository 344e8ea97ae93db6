package dev.gaia.auth.user;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.gaia.shared.security.GaiaPrincipal;

@RestController
@RequestMapping("/api/auth")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    RegisterResponse register(@Valid @RequestBody RegisterRequest request) {
        return users.register(request);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CreateUserResponse create(GaiaPrincipal caller, @Valid @RequestBody CreateUserRequest request) {
        return users.createByAdmin(caller, request);
    }

    @GetMapping("/me")
    CurrentUserResponse me(GaiaPrincipal caller) {
        return users.current(caller);
    }
}

package dev.gaia.model.local;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin operations on the local GGUF models: status, load, unload, reload, switching a role
 * to one and resetting it to its configured models. Every operation answers with the status after it.
 */
@RestController
@RequestMapping("/api/models/local")
@PreAuthorize("hasRole('ADMIN')")
class LocalModelsController {

    private final LocalModelService models;

    LocalModelsController(LocalModelService models) {
        this.models = models;
    }

    @GetMapping
    LocalModelsStatus status(GaiaPrincipal admin) {
        return models.status(admin);
    }

    @PostMapping("/switch")
    LocalModelsStatus switchRole(@Valid @RequestBody SwitchModelRequest request, GaiaPrincipal admin) {
        return models.switchRole(request, admin);
    }

    @DeleteMapping("/switch/{role}")
    LocalModelsStatus resetRole(@PathVariable String role, GaiaPrincipal admin) {
        return models.resetRole(role, admin);
    }

    @PostMapping("/{name}/load")
    LocalModelsStatus load(@PathVariable String name, GaiaPrincipal admin) {
        return models.load(name, admin);
    }

    @PostMapping("/{name}/unload")
    LocalModelsStatus unload(@PathVariable String name, GaiaPrincipal admin) {
        return models.unload(name, admin);
    }

    @PostMapping("/{name}/reload")
    LocalModelsStatus reload(@PathVariable String name, GaiaPrincipal admin) {
        return models.reload(name, admin);
    }
}

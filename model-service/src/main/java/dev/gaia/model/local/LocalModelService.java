package dev.gaia.model.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.model.local.LocalModelPool.LoadedModelStatus;
import dev.gaia.model.local.LocalModelPool.PoolStatus;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.security.GaiaPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What admins do with the local models: look, load, unload, reload, and switch a role to one. */
@Service
class LocalModelService {

    private static final Logger log = LoggerFactory.getLogger(LocalModelService.class);

    private final LocalModelFiles files;
    private final LocalModelProvider provider;
    private final LocalModelProperties properties;
    private final ModelRouter router;
    private final OutboxWriter outbox;
    private final TransactionTemplate transaction;

    LocalModelService(LocalModelProvider provider, LocalModelProperties properties, ModelRouter router,
            OutboxWriter outbox, TransactionTemplate transaction) {
        this.files = provider.files();
        this.provider = provider;
        this.properties = properties;
        this.router = router;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    LocalModelsStatus status() {
        PoolStatus pool = provider.pool().status();
        Map<String, LoadedModelStatus> loaded = pool.loaded().stream()
                .collect(Collectors.toMap(LoadedModelStatus::name, Function.identity()));
        Map<String, List<String>> roles = rolesByLocalModel();
        List<LocalModelsStatus.Model> models = new ArrayList<>();
        for (ModelFile file : files.list()) {
            LoadedModelStatus inMemory = loaded.get(file.name());
            List<String> answering = roles.getOrDefault(file.name(), List.of());
            int queued = pool.queuedByModel().getOrDefault(file.name(), 0);
            models.add(inMemory == null
                    ? new LocalModelsStatus.Model(file.name(), file.sizeBytes(), "available",
                            provider.pool().costOf(file), 0, queued, null, null, null, answering)
                    : new LocalModelsStatus.Model(file.name(), file.sizeBytes(),
                            inMemory.state().name().toLowerCase(Locale.ROOT), inMemory.memoryBytes(),
                            inMemory.inFlight(), queued,
                            inMemory.tokensPerSecond() > 0 ? inMemory.tokensPerSecond() : null,
                            inMemory.loadedAt(), inMemory.lastUsedAt(), answering));
        }
        return new LocalModelsStatus(properties.modelsDir().toAbsolutePath().normalize().toString(), pool.budgetBytes(),
                pool.usedBytes(), pool.queued(), router.switchedRoles(), models);
    }

    LocalModelsStatus load(String name) {
        provider.pool().preload(files.resolve(name));
        return status();
    }

    LocalModelsStatus unload(String name) {
        provider.pool().unload(files.resolve(name).name());
        return status();
    }

    LocalModelsStatus reload(String name) {
        provider.pool().reload(files.resolve(name));
        return status();
    }

    /**
     * Loads the model (swapping others out if the budget needs it), then makes it the first to answer
     * the role and reports {@code model.switched}.
     */
    LocalModelsStatus switchRole(SwitchModelRequest request, GaiaPrincipal admin) {
        ModelFile file = files.resolve(request.fileName());
        provider.pool().preload(file);
        String model = LocalModelProvider.NAME + "/" + file.name();
        transaction.executeWithoutResult(status -> {
            String previous = router.switchRole(request.role(), model);
            outbox.write(admin.gameId(), "model", "switched", 1,
                    new ModelSwitched(request.role(), model, previous, admin.userId()));
        });
        log.info("Role '{}' switched to {} by {}", request.role(), model, admin.userId());
        return status();
    }

    private Map<String, List<String>> rolesByLocalModel() {
        String prefix = LocalModelProvider.NAME + "/";
        return ModelRouter.SWITCHABLE_ROLES.stream()
                .flatMap(role -> router.firstModelOf(role).filter(model -> model.startsWith(prefix))
                        .map(model -> Map.entry(model.substring(prefix.length()), role)).stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}

package dev.gaia.model.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.model.local.LocalModelPool.LoadedModelStatus;
import dev.gaia.model.local.LocalModelPool.PoolStatus;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.security.SharedModelOperators;
import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What admins do with the local models: look, load, unload, reload, and switch a role to one or
 * back to its configured models. Switches are kept in the database, restored at start-up and read
 * again every {@value #SWITCH_SYNC_SECONDS} seconds, so that every instance of model-service
 * follows a switch made on any of them.
 */
@Service
class LocalModelService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalModelService.class);

    private static final long SWITCH_SYNC_SECONDS = 5;

    private final LocalModelFiles files;
    private final LocalModelProvider provider;
    private final LocalModelProperties properties;
    private final ModelRouter router;
    private final RoleSwitchRepository switches;
    private final OutboxWriter outbox;
    private final SharedModelOperators operators;
    private final TransactionTemplate transaction;
    /** Counts the switches and resets made here, so that a read of the database that overlapped one is not applied. */
    private final AtomicLong localChanges = new AtomicLong();
    /** The switches to missing files already warned of, so that each is logged once. */
    private final Set<RoleSwitchRepository.RoleSwitch> warnedGone = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService switchSync = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("role-switch-sync").daemon().factory());

    /**
     * Restores the roles switched before model-service last stopped; their models load when first
     * asked for. A switch to a file no longer in the models folder is left out, so its role is
     * answered by its configured models rather than refused.
     */
    LocalModelService(LocalModelProvider provider, LocalModelProperties properties, ModelRouter router,
            RoleSwitchRepository switches, OutboxWriter outbox, TransactionTemplate transaction,
            SharedModelOperators operators) {
        this.files = provider.files();
        this.operators = operators;
        this.provider = provider;
        this.properties = properties;
        this.router = router;
        this.switches = switches;
        this.outbox = outbox;
        this.transaction = transaction;
        for (RoleSwitchRepository.RoleSwitch restored : syncSwitches()) {
            log.info("Role '{}' of game {} answered first by {}, as switched before the last restart",
                    restored.role(), restored.gameId(), restored.model());
        }
        switchSync.scheduleWithFixedDelay(this::syncSwitchesQuietly, SWITCH_SYNC_SECONDS, SWITCH_SYNC_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Makes the router's switches those of the database, leaving out a switch to a file no longer
     * in the models folder; unless a switch or reset was made here meanwhile, which the next read
     * includes. Returns the switches applied.
     */
    private List<RoleSwitchRepository.RoleSwitch> syncSwitches() {
        long changesBefore = localChanges.get();
        List<RoleSwitchRepository.RoleSwitch> kept = new ArrayList<>();
        Map<UUID, Map<String, String>> byGame = new HashMap<>();
        for (RoleSwitchRepository.RoleSwitch stored : switches.all()) {
            try {
                files.resolve(stored.model().substring(LocalModelProvider.NAME.length() + 1));
            }
            catch (ProblemException gone) {
                if (warnedGone.add(stored)) {
                    log.warn("Role '{}' of game {} was switched to {}, which is gone: its configured models answer"
                            + " it until an admin switches it again. {}", stored.role(), stored.gameId(),
                            stored.model(), gone.getMessage());
                }
                continue;
            }
            kept.add(stored);
            byGame.computeIfAbsent(stored.gameId(), game -> new HashMap<>()).put(stored.role(), stored.model());
        }
        if (localChanges.get() == changesBefore) {
            router.replaceSwitches(byGame);
        }
        return kept;
    }

    private void syncSwitchesQuietly() {
        try {
            syncSwitches();
        }
        catch (RuntimeException ex) {
            log.warn("Could not read the role switches to follow other instances' (trying again in {} s): {}",
                    SWITCH_SYNC_SECONDS, ex.getMessage());
        }
    }

    @Override
    public void close() {
        switchSync.close();
    }

    LocalModelsStatus status(GaiaPrincipal admin) {
        PoolStatus pool = provider.pool().status();
        Map<String, LoadedModelStatus> loaded = pool.loaded().stream()
                .collect(Collectors.toMap(LoadedModelStatus::name, Function.identity()));
        Map<String, List<String>> roles = rolesByLocalModel(admin.gameId());
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
                pool.usedBytes(), pool.queued(), router.switchedRoles(admin.gameId()), models);
    }

    LocalModelsStatus load(String name, GaiaPrincipal admin) {
        operators.checkMayOperate(admin, "load a local model");
        provider.pool().preload(files.resolve(name));
        return status(admin);
    }

    LocalModelsStatus unload(String name, GaiaPrincipal admin) {
        operators.checkMayOperate(admin, "unload a local model");
        provider.pool().unload(files.resolve(name).name());
        return status(admin);
    }

    LocalModelsStatus reload(String name, GaiaPrincipal admin) {
        operators.checkMayOperate(admin, "reload a local model");
        provider.pool().reload(files.resolve(name));
        return status(admin);
    }

    /**
     * Loads the model (swapping others out if the budget needs it), then makes it the first to answer
     * the role, until it is switched again or reset, and reports {@code model.switched}.
     */
    LocalModelsStatus switchRole(SwitchModelRequest request, GaiaPrincipal admin) {
        ModelFile file = files.resolve(request.fileName());
        provider.pool().preload(file);
        String model = LocalModelProvider.NAME + "/" + file.name();
        transaction.executeWithoutResult(status -> {
            switches.save(admin.gameId(), request.role(), model, admin.userId());
            announce(request.role(), model, admin);
        });
        router.switchRole(admin.gameId(), request.role(), model);
        localChanges.incrementAndGet();
        log.info("Role '{}' of game {} switched to {} by {}", request.role(), admin.gameId(), model, admin.userId());
        return status(admin);
    }

    /** Hands the role back to its configured models and reports {@code model.switched}. */
    LocalModelsStatus resetRole(String role, GaiaPrincipal admin) {
        router.switchable(role);
        transaction.executeWithoutResult(status -> {
            switches.delete(admin.gameId(), role);
            announce(role, router.configuredFirstModelOf(role).orElse(null), admin);
        });
        router.resetRole(admin.gameId(), role);
        localChanges.incrementAndGet();
        log.info("Role '{}' of game {} reset to its configured models by {}", role, admin.gameId(), admin.userId());
        return status(admin);
    }

    private void announce(String role, @Nullable String model, GaiaPrincipal admin) {
        outbox.write(admin.gameId(), "model", "switched", 1,
                new ModelSwitched(role, model, router.firstModelOf(admin.gameId(), role).orElse(null), admin.userId()));
    }

    /** The game's roles each local model answers first. */
    private Map<String, List<String>> rolesByLocalModel(UUID gameId) {
        String prefix = LocalModelProvider.NAME + "/";
        return ModelRouter.SWITCHABLE_ROLES.stream()
                .flatMap(role -> router.firstModelOf(gameId, role).filter(model -> model.startsWith(prefix))
                        .map(model -> Map.entry(model.substring(prefix.length()), role)).stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}

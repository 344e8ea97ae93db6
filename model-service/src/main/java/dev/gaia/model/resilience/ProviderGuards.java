package dev.gaia.model.resilience;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.ChatProvider;
import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.model.routing.Route;
import dev.gaia.shared.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Calls providers through their {@link ProviderGuard guards}: a call waits for room under the
 * provider's concurrency limit, goes through its circuit breaker, and is retried while it fails
 * transiently before its answer starts. A streamed answer counts as started at its first token;
 * until then it is bounded by {@code gaia.model.timeouts.first-token}, and afterwards a silence
 * longer than {@code idle-between-tokens} ends it, so that its reader sees it break off.
 */
@Component
public class ProviderGuards implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuards.class);

    private final ResilienceProperties properties;
    private final JsonMapper jsonMapper;
    private final Map<String, ProviderGuard> guards = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final long checkEveryNanos;

    ProviderGuards(ResilienceProperties properties, JsonMapper jsonMapper) {
        this.properties = properties;
        this.jsonMapper = jsonMapper;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("model-stream-watchdog").factory());
        Duration shortest = properties.timeouts().firstToken().compareTo(properties.timeouts().idleBetweenTokens()) < 0
                ? properties.timeouts().firstToken() : properties.timeouts().idleBetweenTokens();
        this.checkEveryNanos = Math.clamp(shortest.toNanos() / 10, TimeUnit.MILLISECONDS.toNanos(10),
                TimeUnit.SECONDS.toNanos(1));
    }

    /** A whole answer from the route's model, within {@code gaia.model.timeouts.whole-answer}. */
    public JsonNode complete(Route route, ChatCompletionRequest request) {
        return answerWhole(route.provider().name(), route.model(), () -> route.provider().complete(request));
    }

    /**
     * A call to a provider that is answered whole, such as its embeddings: under the provider's
     * limits and circuit breaker, retried while it fails transiently, and within
     * {@code gaia.model.timeouts.whole-answer}.
     */
    public <T> T answerWhole(String provider, String model, Supplier<T> call) {
        ProviderGuard guard = guard(provider);
        ProviderGuard.Permit permit = guard.acquire();
        try {
            return withRetries(provider, model, guard, () -> inTime(provider, call));
        }
        finally {
            permit.release();
        }
    }

    /**
     * A streamed answer from the route's model, returned once its first token has arrived (or it
     * ended without one). Closing it ends the call and gives its permit back.
     */
    public UpstreamStream stream(Route route, ChatCompletionRequest request) {
        ProviderGuard guard = guard(route.provider().name());
        ProviderGuard.Permit permit = guard.acquire();
        try {
            return withRetries(route.provider().name(), route.model(), guard,
                    () -> openToFirstToken(route.provider(), request, permit));
        }
        catch (RuntimeException | Error ex) {
            permit.release();
            throw ex;
        }
    }

    /** The guard of the provider with this name. */
    ProviderGuard guard(String provider) {
        return guards.computeIfAbsent(provider,
                name -> new ProviderGuard(name, properties.limits(name), properties.circuitBreaker()));
    }

    private <T> T withRetries(String provider, String model, ProviderGuard guard, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return guard.throughCircuit(call);
            }
            catch (ProblemException ex) {
                Optional<Duration> delay = Failures.retryDelay(ex, attempt, properties.retries());
                if (delay.isEmpty()) {
                    throw ex;
                }
                log.info("Retrying {}/{} in {} ms after {} (attempt {} of {})", provider, model,
                        delay.get().toMillis(), ex.code(), attempt + 1, properties.retries().maxAttempts());
                try {
                    Thread.sleep(delay.get());
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    private <T> T inTime(String provider, Supplier<T> call) {
        Duration limit = properties.timeouts().wholeAnswer();
        StreamWatch watch = new StreamWatch(Thread.currentThread(), limit, limit);
        ScheduledFuture<?> ticking = watchdog.scheduleAtFixedRate(watch::check, checkEveryNanos, checkEveryNanos,
                TimeUnit.NANOSECONDS);
        try {
            T answer = call.get();
            if (!watch.answered(() -> { })) {
                throw timeout(provider, "answered only after", limit, "whole-answer");
            }
            return answer;
        }
        catch (RuntimeException | Error ex) {
            if (!watch.answered(() -> { })) {
                throw timeout(provider, "did not answer within", limit, "whole-answer");
            }
            throw ex;
        }
        finally {
            ticking.cancel(false);
            watch.done();
        }
    }

    private UpstreamStream openToFirstToken(ChatProvider provider, ChatCompletionRequest request,
            ProviderGuard.Permit permit) {
        StreamWatch watch = new StreamWatch(Thread.currentThread(), properties.timeouts().firstToken(),
                properties.timeouts().idleBetweenTokens());
        ScheduledFuture<?> ticking = watchdog.scheduleAtFixedRate(watch::check, checkEveryNanos, checkEveryNanos,
                TimeUnit.NANOSECONDS);
        UpstreamStream opened;
        try {
            opened = provider.stream(request);
        }
        catch (RuntimeException | Error ex) {
            ticking.cancel(false);
            if (!watch.answered(() -> { })) {
                throw firstTokenTimeout(provider);
            }
            throw ex;
        }
        try {
            if (!watch.answered(opened::close)) {
                throw firstTokenTimeout(provider);
            }
            InputStream body = watch.watching(new BufferedInputStream(opened.body()));
            FirstToken.Start start;
            try {
                start = FirstToken.readStart(body, jsonMapper);
            }
            catch (IOException ex) {
                throw watch.expired() ? firstTokenTimeout(provider) : ProviderFailures.brokenAnswer(ex);
            }
            if (start.error() != null) {
                throw ProviderFailures.failedBeforeFirstToken(provider.name(), start.error());
            }
            watch.firstTokenArrived();
            UpstreamStream guarded = opened.guarded(new SequenceInputStream(new ByteArrayInputStream(start.bytes()), body),
                    () -> {
                        watch.done();
                        ticking.cancel(false);
                        permit.release();
                    }, watch::expired);
            watch.cancelWith(guarded::close);
            return guarded;
        }
        catch (IOException ex) {
            ticking.cancel(false);
            opened.close();
            throw ProviderFailures.brokenAnswer(ex);
        }
        catch (RuntimeException | Error ex) {
            ticking.cancel(false);
            opened.close();
            throw ex;
        }
    }

    private ProblemException firstTokenTimeout(ChatProvider provider) {
        return timeout(provider.name(), "sent no token within", properties.timeouts().firstToken(), "first-token");
    }

    private static ProblemException timeout(String provider, String what, Duration limit, String setting) {
        log.warn("Model provider {} {} {} ms", provider, what, limit.toMillis());
        return ProblemException.of(HttpStatus.GATEWAY_TIMEOUT, "model_provider_timeout", "The model provider '"
                + provider + "' " + what + " " + limit.toMillis() + " ms (gaia.model.timeouts." + setting
                + "). Check that it is running and not overloaded.");
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}

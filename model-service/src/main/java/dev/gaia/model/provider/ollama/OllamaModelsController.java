package dev.gaia.model.provider.ollama;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.model.security.SharedModelOperators;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Ollama server's models, for admins: the list it holds, and pulling a model with its
 * progress relayed line by line as Ollama reports it.
 */
@RestController
@RequestMapping("/api/models/ollama")
@PreAuthorize("hasRole('ADMIN')")
class OllamaModelsController {

    private static final Logger log = LoggerFactory.getLogger(OllamaModelsController.class);

    /** Ollama's own error line shape, so a client reads one kind of failure. */
    static final String BROKEN_OFF_LINE = "{\"error\":\"The Ollama server's progress stream broke off before the"
            + " pull was complete.\"}\n";

    private final ProviderRegistry providers;
    private final SharedModelOperators operators;

    OllamaModelsController(ProviderRegistry providers, SharedModelOperators operators) {
        this.providers = providers;
        this.operators = operators;
    }

    /** Ollama's {@code GET /api/tags} as it answered: {@code {"models":[...]}}. */
    @GetMapping
    JsonNode models() {
        return providers.ollama().models();
    }

    /**
     * Pulls a model; the answer is Ollama's progress, {@code application/x-ndjson}, one
     * {@code {status, digest, total, completed}} object per line, ending with
     * {@code {"status":"success"}} or an {@code {"error":...}} line.
     */
    @PostMapping(path = "/pull", consumes = MediaType.APPLICATION_JSON_VALUE)
    void pull(@Valid @RequestBody PullModelRequest request, GaiaPrincipal admin, HttpServletResponse response)
            throws IOException {
        operators.checkMayOperate(admin, "pull a model onto the Ollama server");
        try (UpstreamStream progress = providers.ollama().pull(request.name())) {
            response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            // Tells a reverse proxy in front of the gateway not to buffer the progress either.
            response.setHeader("X-Accel-Buffering", "no");
            relay(progress.body(), response.getOutputStream());
        }
    }

    /** Copies progress lines as they arrive, until Ollama ends, its stream breaks, or the client goes away. */
    private static void relay(InputStream upstream, OutputStream client) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        while (true) {
            String line;
            try {
                line = lines.readLine();
            }
            catch (IOException ex) {
                log.warn("Ollama's pull progress broke off: {}", ex.getMessage());
                write(client, BROKEN_OFF_LINE);
                return;
            }
            if (line == null || (!line.isBlank() && !write(client, line + "\n"))) {
                return;
            }
        }
    }

    /** Writes and flushes a line; {@code false} when the client has gone away. */
    private static boolean write(OutputStream client, String line) {
        try {
            client.write(line.getBytes(StandardCharsets.UTF_8));
            client.flush();
            return true;
        }
        catch (IOException ex) {
            log.debug("Client went away during a pull: {}", ex.getMessage());
            return false;
        }
    }
}

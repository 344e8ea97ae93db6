package dev.gaia.model.embedding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The embedding models bundled with model-service, each loaded the first time it is asked for
 * and kept until shutdown, so a cluster pays memory only for the models it uses.
 */
@Component
class InProcessEmbedders implements AutoCloseable {

    private final Map<OnnxEmbedder.Bundled, OnnxEmbedder> loaded = new ConcurrentHashMap<>();

    /**
     * The model, loaded now if this is the first time it is asked for. A model already loaded is
     * found without a lock, so its requests never wait while another model loads.
     */
    OnnxEmbedder get(OnnxEmbedder.Bundled model) {
        OnnxEmbedder ready = loaded.get(model);
        return ready != null ? ready : loaded.computeIfAbsent(model, OnnxEmbedder.Bundled::load);
    }

    @Override
    public void close() {
        loaded.values().forEach(OnnxEmbedder::close);
        loaded.clear();
    }
}

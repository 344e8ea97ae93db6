package dev.gaia.model.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process embedding model, loaded once at start-up and released at shutdown. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    OnnxEmbedder onnxEmbedder() {
        return OnnxEmbedder.bgeSmallEnV15();
    }
}

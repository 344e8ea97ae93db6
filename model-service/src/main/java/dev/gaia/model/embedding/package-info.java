/**
 * OpenAI's {@code POST /v1/embeddings}: text turned into vectors by an in-process ONNX sentence
 * model shipped in a Maven artifact (works offline, needs no key) or by a provider's embedding
 * model, batched and cached by model and content hash.
 *
 * <p>Vectors of different models, or of one model at different dimensions, must never be
 * compared. So every answer names its model (with its provider prefix, {@code onnx/...} or
 * {@code openai/...}) and its {@code dimensions}; a request that names no model, or the role
 * {@code embedding}, gets the configured default; a request that names another model gets that
 * model's vectors, labelled as that model's, never the default's; and a provider answering with
 * vectors of another dimension than the model's known one is a 502, never a 200.
 */
@NullMarked
package dev.gaia.model.embedding;

import org.jspecify.annotations.NullMarked;

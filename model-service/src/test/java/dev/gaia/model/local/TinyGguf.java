package dev.gaia.model.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Writes a tiny Llama-architecture GGUF model with random weights, so that the in-process engine
 * is tested on a real model file without downloading one: two layers of width 32, a SentencePiece
 * vocabulary of its control tokens, the 256 byte tokens and a few words, all tensors in F32.
 * The layout follows the GGUF v3 specification (ggml's docs/gguf.md): header, metadata, tensor
 * infos, then the tensor data aligned to {@value #ALIGNMENT} bytes.
 */
final class TinyGguf {

    private static final int ALIGNMENT = 32;
    private static final int EMBEDDING = 32;
    private static final int HEADS = 4;
    private static final int LAYERS = 2;
    private static final int FEED_FORWARD = 64;
    private static final int CONTEXT = 512;
    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;
    private static final String[] WORDS = ("the world hello elena tavern ale quest sword dragon village friend"
            + " yes no traveller welcome road night fire").split(" ");

    // GGUF metadata value types
    private static final int UINT32 = 4;
    private static final int INT32 = 5;
    private static final int FLOAT32 = 6;
    private static final int STRING = 8;
    private static final int ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private TinyGguf() {
    }

    /** Writes a model whose weights come from {@code seed} and returns its path. */
    static Path write(Path path, long seed) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(TYPE_UNKNOWN, TYPE_CONTROL, TYPE_CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add("<0x%02X>".formatted(b));
            types.add(TYPE_BYTE);
        }
        for (String word : WORDS) {
            tokens.add("\u2581" + word);
            types.add(TYPE_NORMAL);
        }
        for (char letter = 'a'; letter <= 'z'; letter++) {
            tokens.add(String.valueOf(letter));
            types.add(TYPE_NORMAL);
        }
        tokens.add("\u2581");
        types.add(TYPE_NORMAL);
        int vocabulary = tokens.size();

        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("token_embd.weight", new long[] { EMBEDDING, vocabulary });
        shapes.put("output_norm.weight", new long[] { EMBEDDING });
        shapes.put("output.weight", new long[] { EMBEDDING, vocabulary });
        for (int layer = 0; layer < LAYERS; layer++) {
            String block = "blk." + layer + ".";
            shapes.put(block + "attn_norm.weight", new long[] { EMBEDDING });
            for (String attention : List.of("attn_q", "attn_k", "attn_v", "attn_output")) {
                shapes.put(block + attention + ".weight", new long[] { EMBEDDING, EMBEDDING });
            }
            shapes.put(block + "ffn_norm.weight", new long[] { EMBEDDING });
            shapes.put(block + "ffn_gate.weight", new long[] { EMBEDDING, FEED_FORWARD });
            shapes.put(block + "ffn_up.weight", new long[] { EMBEDDING, FEED_FORWARD });
            shapes.put(block + "ffn_down.weight", new long[] { FEED_FORWARD, EMBEDDING });
        }

        Writer metadata = new Writer();
        int entries = 0;
        entries += metadata.string("general.architecture", "llama");
        entries += metadata.string("general.name", "gaia-tiny-" + seed);
        entries += metadata.uint32("general.alignment", ALIGNMENT);
        entries += metadata.uint32("llama.context_length", CONTEXT);
        entries += metadata.uint32("llama.embedding_length", EMBEDDING);
        entries += metadata.uint32("llama.block_count", LAYERS);
        entries += metadata.uint32("llama.feed_forward_length", FEED_FORWARD);
        entries += metadata.uint32("llama.attention.head_count", HEADS);
        entries += metadata.uint32("llama.attention.head_count_kv", HEADS);
        entries += metadata.uint32("llama.rope.dimension_count", EMBEDDING / HEADS);
        entries += metadata.float32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        entries += metadata.string("tokenizer.ggml.model", "llama");
        entries += metadata.strings("tokenizer.ggml.tokens", tokens);
        entries += metadata.float32s("tokenizer.ggml.scores", vocabulary,
                i -> types.get(i) == TYPE_NORMAL ? -tokens.get(i).length() : 0f);
        entries += metadata.int32s("tokenizer.ggml.token_type", types);
        entries += metadata.uint32("tokenizer.ggml.bos_token_id", 1);
        entries += metadata.uint32("tokenizer.ggml.eos_token_id", 2);
        entries += metadata.uint32("tokenizer.ggml.unknown_token_id", 0);

        Writer header = new Writer();
        header.u32(0x46554747); // "GGUF"
        header.u32(3);
        header.u64(shapes.size());
        header.u64(entries);
        header.bytes(metadata.toByteArray());
        long offset = 0;
        for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
            header.text(tensor.getKey());
            header.u32(tensor.getValue().length);
            for (long dimension : tensor.getValue()) {
                header.u64(dimension);
            }
            header.u32(GGML_TYPE_F32);
            header.u64(offset);
            offset += aligned(elements(tensor.getValue()) * Float.BYTES);
        }

        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(path)) {
            byte[] head = header.toByteArray();
            out.write(head);
            out.write(new byte[(int) (aligned(head.length) - head.length)]);
            for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
                long count = elements(tensor.getValue());
                ByteBuffer data = ByteBuffer.allocate((int) aligned(count * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
                boolean norm = tensor.getValue().length == 1;
                boolean output = tensor.getKey().equals("output.weight");
                for (long i = 0; i < count; i++) {
                    // Words get the strong logits, so that the random model mostly says words.
                    int token = (int) (i / EMBEDDING);
                    float scale = output && types.get(token) != TYPE_NORMAL ? 0f : output ? 2f : 0.5f;
                    data.putFloat(norm ? 1f : (float) random.nextGaussian() * scale);
                }
                out.write(data.array());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return path;
    }

    private static long elements(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    private static long aligned(long size) {
        return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian GGUF values; each metadata entry returns 1 to count it. */
    private static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        int string(String key, String value) {
            text(key);
            u32(STRING);
            text(value);
            return 1;
        }

        int uint32(String key, int value) {
            text(key);
            u32(UINT32);
            u32(value);
            return 1;
        }

        int float32(String key, float value) {
            text(key);
            u32(FLOAT32);
            f32(value);
            return 1;
        }

        int strings(String key, List<String> values) {
            text(key);
            u32(ARRAY);
            u32(STRING);
            u64(values.size());
            values.forEach(this::text);
            return 1;
        }

        int int32s(String key, List<Integer> values) {
            text(key);
            u32(ARRAY);
            u32(INT32);
            u64(values.size());
            values.forEach(this::u32);
            return 1;
        }

        int float32s(String key, int count, IntFunction<Float> value) {
            text(key);
            u32(ARRAY);
            u32(FLOAT32);
            u64(count);
            for (int i = 0; i < count; i++) {
                f32(value.apply(i));
            }
            return 1;
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            bytes(utf8);
        }

        void u32(int value) {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }

        void u64(long value) {
            bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        }

        void f32(float value) {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
        }

        void bytes(byte[] value) {
            out.writeBytes(value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}

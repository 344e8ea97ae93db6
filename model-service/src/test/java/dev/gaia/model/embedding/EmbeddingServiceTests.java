package dev.gaia.model.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.model.usage.CallContext;
import dev.gaia.model.usage.ModelCallMeter;
import dev.gaia.model.usage.UsageRecorder;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;

class EmbeddingServiceTests {

    private static final JsonMapper json = JsonMapper.shared();
    private static final JsonMapper snakeCase = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final InProcessEmbedders bundled = new InProcessEmbedders();
    private static final ProviderRegistry noProvider = new ProviderRegistry(
            bind("gaia.model", ModelProperties.class), RestClient.builder(), json);

    private static final GaiaPrincipal CALLER = new GaiaPrincipal(UUID.randomUUID(), UUID.randomUUID(), "mira",
            Set.of("designer"), "token");
    private static final UsageRecorder usage = mock(UsageRecorder.class);
    /** No provider is configured here, so no call goes through the guards. */
    private static final ProviderGuards unusedGuards = mock(ProviderGuards.class);
    private static final ModelCallMeter meter = mock(ModelCallMeter.class);

    private final EmbeddingService service = service(Map.of("gaia.model.embedding.batch-size", "3"));

    @BeforeEach
    void meterEveryCall() {
        reset(usage, meter);
        given(usage.start(any())).willReturn(meter);
    }

    @Test
    void recordsEveryCallInTheUsageOfTheCallersGame() {
        UUID npcId = UUID.randomUUID();
        service.embed(CALLER, npcId, request("{\"input\":[\"A lantern by the door.\", \"Rain on the roof.\"]}"));

        then(usage).should().start(new CallContext(CALLER.gameId(), CALLER.userId(), npcId, "embedding", "onnx",
                "bge-small-en-v1.5-int8-fused"));
        then(meter).should().tokens(argThat(tokens -> tokens.input() > 0 && tokens.output() == 0));
        then(meter).should().succeeded();
    }

    @AfterAll
    static void release() {
        bundled.close();
        noProvider.close();
    }

    @Test
    void answersInOpenAisShapeNamingModelAndDimension() {
        EmbeddingsResponse response = service.embed(CALLER, null, request("{\"input\":\"The harbour is quiet tonight.\"}"));

        assertThat(response.object()).isEqualTo("list");
        assertThat(response.model()).isEqualTo("onnx/bge-small-en-v1.5-int8-fused");
        assertThat(response.dimensions()).isEqualTo(384);
        assertThat(response.data()).singleElement().satisfies(item -> {
            assertThat(item.object()).isEqualTo("embedding");
            assertThat(item.index()).isZero();
            assertThat((float[]) item.embedding()).hasSize(384);
        });
        assertThat(response.usage().promptTokens()).isPositive().isEqualTo(response.usage().totalTokens());
    }

    @Test
    void answersWithTheFullPrecisionBuildWhenARequestNamesIt() {
        String text = "{\"input\":\"The harbour is quiet tonight.\"";
        EmbeddingsResponse quantised = service.embed(CALLER, null, request(text + "}"));
        EmbeddingsResponse full = service.embed(CALLER, null, request(text + ",\"model\":\"bge-small-en-v1.5\"}"));

        assertThat(full.model()).isEqualTo("onnx/bge-small-en-v1.5");
        assertThat(full.dimensions()).isEqualTo(384);
        assertThat(vectorOf(full, 0)).isNotEqualTo(vectorOf(quantised, 0));
        assertThat(OnnxEmbedderTests.dot(vectorOf(full, 0), vectorOf(quantised, 0))).isGreaterThan(0.95);
        assertThat(full.usage().promptTokens()).as("not answered from the other build's cache").isPositive();
    }

    @Test
    void answersARepeatedTextFromTheCacheWithTheIdenticalVector() {
        float[] first = vectorOf(service.embed(CALLER, null, request("{\"input\":\"A cached line about the moon.\"}")), 0);
        EmbeddingsResponse again = service.embed(CALLER, null, request("{\"input\":[\"A cached line about the moon.\"]}"));

        assertThat(vectorOf(again, 0)).isSameAs(first);
        assertThat(again.usage().promptTokens()).isZero();
    }

    @Test
    void embedsABatchLargerThanTheBatchSizeAsItEmbedsEachTextAlone() {
        List<String> texts = IntStream.range(0, 7).mapToObj(i -> "Villager number " + i + " sells apples.").toList();

        EmbeddingsResponse batch = service.embed(CALLER, null, new CreateEmbeddingsRequest(null, json.valueToTree(texts),
                null, null, null));

        assertThat(batch.data()).extracting(EmbeddingsResponse.Item::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        EmbeddingService uncached = service(Map.of());
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = vectorOf(uncached.embed(CALLER, null, new CreateEmbeddingsRequest("embedding",
                    json.valueToTree(texts.get(i)), null, null, null)), 0);
            assertThat(vectorOf(batch, i)).containsExactly(alone, within(1e-5f));
        }
    }

    @Test
    void encodesBase64AsLittleEndianFloats() {
        String text = "The wind turns east.";
        float[] floats = vectorOf(service.embed(CALLER, null, request("{\"input\":\"" + text + "\"}")), 0);

        Object encoded = service.embed(CALLER, null, request("{\"input\":\"" + text + "\",\"encoding_format\":\"base64\"}"))
                .data().getFirst().embedding();

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode((String) encoded)).order(ByteOrder.LITTLE_ENDIAN);
        float[] decoded = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(decoded);
        assertThat(decoded).containsExactly(floats);
    }

    @Test
    void refusesTooManyInputs() {
        List<String> texts = IntStream.range(0, 257).mapToObj(i -> "text " + i).toList();

        assertInvalid(new CreateEmbeddingsRequest(null, json.valueToTree(texts), null, null, null), "input");
    }

    @Test
    void refusesTooLongEmptyAndNonTextInputs() {
        String tooLong = "a".repeat(8193);

        assertInvalid(request("{\"input\":[\"fine\",\"" + tooLong + "\",\"\",[1,2,3]]}"),
                "input[1]", "input[2]", "input[3]");
        assertInvalid(request("{\"input\":[]}"), "input");
        assertInvalid(request("{\"input\":42}"), "input");
        assertInvalid(request("{}"), "input");
    }

    @Test
    void refusesAnUnknownEncodingAndDimension() {
        assertInvalid(request("{\"input\":\"hi\",\"encoding_format\":\"int8\",\"dimensions\":0}"),
                "encoding_format", "dimensions");
    }

    @Test
    void refusesAnUnknownInProcessModel() {
        assertThatThrownBy(() -> service.embed(CALLER, null, request("{\"model\":\"onnx/e5-large\",\"input\":\"hi\"}")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("embedding_model_unknown");
                });
    }

    @Test
    void saysAProvidersModelNeedsAProvider() {
        assertThatThrownBy(() -> service.embed(CALLER, null, request("{\"model\":\"openai/text-embedding-3-small\",\"input\":\"hi\"}")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(503);
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_OPENAI_BASE_URL", "onnx/bge-small-en-v1.5-int8-fused",
                            "onnx/bge-small-en-v1.5,");
                });
    }

    private static void assertInvalid(CreateEmbeddingsRequest request, String... fields) {
        assertThatThrownBy(() -> service(Map.of()).embed(CALLER, null, request))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("validation_failed");
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> errors = (List<Map<String, String>>) problem.properties().get("errors");
                    assertThat(errors).extracting(error -> error.get("field")).containsExactly(fields);
                });
    }

    private static EmbeddingService service(Map<String, String> settings) {
        EmbeddingProperties properties = bind("gaia.model.embedding", EmbeddingProperties.class, settings);
        return new EmbeddingService(new EmbeddingModels(bundled, properties, noProvider, unusedGuards), new EmbeddingCache(properties),
                usage, properties);
    }

    private static CreateEmbeddingsRequest request(String body) {
        return snakeCase.readValue(body, CreateEmbeddingsRequest.class);
    }

    private static float[] vectorOf(EmbeddingsResponse response, int index) {
        return (float[]) response.data().get(index).embedding();
    }

    private static <T> T bind(String prefix, Class<T> type) {
        return bind(prefix, type, Map.of());
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
    }
}

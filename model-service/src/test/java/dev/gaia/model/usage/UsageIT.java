package dev.gaia.model.usage;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.gaia.shared.security.Roles;
import dev.gaia.shared.test.FakeOpenAiServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gaia.model.HttpAnswers.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every chat completion leaves a {@code model_call} row with its tokens, cost and outcome; the
 * usage API totals a game's calls for its designers only; a spent budget refuses calls before
 * the provider is called.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gaia.model.prices[openai/fake-chat-model].input-per-million=1000",
        "gaia.model.prices[openai/fake-chat-model].output-per-million=2000" })
@Import(RealInfrastructure.class)
class UsageIT {

    private static final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(10);

    /** Five words of prompt, so the fake upstream reports five prompt tokens. */
    private static final String CHAT = """
            {"model":"%s","stream":%s,"messages":[{"role":"system","content":"You are Elena."},
             {"role":"user","content":"Hello there"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelCallRepository callRepository;

    @Autowired
    PriceTable prices;

    @Autowired
    GameBudgets budgets;

    @Autowired
    ModelCallMetrics callMetrics;

    private final UUID gameId = UUID.randomUUID();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("gaia.model.openai.base-url", () -> upstream.baseUrl().toString());
        registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.reset();
    }

    @Test
    void recordsAStreamedCallWithTheTokensTheProviderReportedAndTheirCost() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID npcId = UUID.randomUUID();
        String token = tokens.token(userId, gameId, "mira", Set.of(Roles.PLAYER));

        HttpResponse<String> response = http.send(chat(token, CHAT.formatted("chat", true))
                .header(CallContext.NPC_HEADER, npcId.toString()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.lastRequest().json().at("/stream_options/include_usage").asBoolean())
                .as("the provider is asked for the usage").isTrue();
        assertThat(response.body()).as("the caller did not ask for the usage chunk").doesNotContain("\"usage\"")
                .contains("data: [DONE]");
        Map<String, Object> call = awaitOneCall();
        assertThat(call).containsEntry("user_id", userId).containsEntry("npc_id", npcId)
                .containsEntry("role", "chat").containsEntry("provider", "openai")
                .containsEntry("model", "fake-chat-model").containsEntry("tokens_in", 5).containsEntry("tokens_out", 4)
                .containsEntry("outcome", "ok");
        assertThat((BigDecimal) call.get("cost_usd")).isEqualByComparingTo("0.013");
        assertThat(call.get("ttft_ms")).isNotNull();
        assertThat((Long) call.get("latency_ms")).isNotNegative();
    }

    @Test
    void countsEveryCallInTheMetricsPrometheusScrapes() throws Exception {
        String calls = "gaia_model_calls_seconds_count{model=\"fake-chat-model\",outcome=\"ok\",provider=\"openai\","
                + "role=\"chat\"}";
        String firstTokens = "gaia_model_first_token_seconds_count{model=\"fake-chat-model\",provider=\"openai\","
                + "role=\"chat\"}";
        String outputTokens = "gaia_model_tokens_total{direction=\"output\",model=\"fake-chat-model\","
                + "provider=\"openai\",role=\"chat\"}";
        String cost = "gaia_model_cost_usd_total{model=\"fake-chat-model\",provider=\"openai\",role=\"chat\"}";
        Map<String, Double> before = metrics(calls, firstTokens, outputTokens, cost);

        http.send(chat(tokens.player(gameId), CHAT.formatted("chat", true)).build(), HttpResponse.BodyHandlers.ofString());

        Map<String, Double> after = metrics(calls, firstTokens, outputTokens, cost);
        assertThat(after.get(calls) - before.get(calls)).isEqualTo(1);
        assertThat(after.get(firstTokens) - before.get(firstTokens)).isEqualTo(1);
        assertThat(after.get(outputTokens) - before.get(outputTokens)).isEqualTo(4);
        assertThat(after.get(cost) - before.get(cost)).isCloseTo(0.013, Offset.offset(1e-9));
    }

    @Test
    void passesTheUsageChunkOnWhenTheCallerAskedForIt() throws Exception {
        String request = """
                {"stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]}""";

        HttpResponse<String> response = http.send(chat(tokens.player(gameId), request).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("\"usage\"");
        assertThat(awaitOneCall()).containsEntry("tokens_in", 1).containsEntry("tokens_out", 4);
    }

    @Test
    void recordsAWholeAnswerWithItsTokensAndCost() throws Exception {
        upstream.reply("Good", " morning", "!");

        HttpResponse<String> response = http.send(chat(tokens.player(gameId), CHAT.formatted("fake-chat-model", false))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> call = awaitOneCall();
        assertThat(call).containsEntry("tokens_in", 5).containsEntry("tokens_out", 3).containsEntry("outcome", "ok")
                .containsEntry("npc_id", null).containsEntry("role", null);
        assertThat((BigDecimal) call.get("cost_usd")).isEqualByComparingTo("0.011");
        assertThat(call.get("ttft_ms")).as("a whole answer has no first token of its own").isNull();
    }

    @Test
    void recordsAStreamTheClientCancelledWithoutTokensButCostsItFromAnEstimate() throws Exception {
        upstream.reply(Collections.nCopies(1_000, " wave")).delayBetweenTokens(Duration.ofMillis(20));

        HttpResponse<InputStream> response = http.send(chat(tokens.player(gameId), CHAT.formatted("chat", true)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = events.readLine();
            }
            while (line != null && !line.contains("wave"));
            assertThat(line).as("a token arrived before the answer was complete").isNotNull();
        }

        Map<String, Object> call = awaitOneCall();
        assertThat(call).containsEntry("outcome", "client_cancelled").containsEntry("tokens_in", null)
                .containsEntry("tokens_out", null);
        assertThat((BigDecimal) call.get("cost_usd")).as("costed from the prompt's length and the chunks relayed")
                .isPositive();
        assertThat(call.get("ttft_ms")).isNotNull();
    }

    @Test
    void recordsAProviderFailureWithItsProblemCode() throws Exception {
        upstream.failWith(500);

        http.send(chat(tokens.player(gameId), CHAT.formatted("chat", true)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(awaitOneCall()).containsEntry("outcome", "provider_error")
                .containsEntry("error_code", "model_provider_error");
    }

    @Test
    void refusesAnNpcIdThatIsNotAUuid() throws Exception {
        HttpResponse<String> response = http.send(chat(tokens.player(gameId), CHAT.formatted("chat", true))
                .header(CallContext.NPC_HEADER, "elena").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(problemOf(response, 400).path("code").stringValue()).isEqualTo("invalid_npc_id");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void totalsTheGamesCallsPerModelUserAndDayForItsDesignersOnly() throws Exception {
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        String anaToken = tokens.token(ana, gameId, "ana", Set.of(Roles.PLAYER));
        String benToken = tokens.token(ben, gameId, "ben", Set.of(Roles.PLAYER));
        http.send(chat(anaToken, CHAT.formatted("chat", false)).build(), HttpResponse.BodyHandlers.ofString());
        http.send(chat(anaToken, CHAT.formatted("chat", true)).build(), HttpResponse.BodyHandlers.ofString());
        http.send(chat(benToken, CHAT.formatted("unpriced-model", false)).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> assertThat(calls()).hasSize(3));
        String designer = tokens.designer(gameId);

        JsonNode byModel = usage(designer, "group_by=model");
        assertThat(byModel.path("group_by").stringValue()).isEqualTo("model");
        assertThat(byModel.path("groups").size()).isEqualTo(2);
        assertGroup(byModel.path("groups").get(0), "openai/fake-chat-model", 2, 10, 8, "0.026");
        assertGroup(byModel.path("groups").get(1), "openai/unpriced-model", 1, 5, 4, "0");
        assertTotals(byModel.path("totals"), 3, 15, 12, "0.026");

        JsonNode byUser = usage(designer, "group_by=user");
        assertThat(byUser.path("groups").valueStream().map(group -> group.path("key").stringValue()))
                .containsExactlyInAnyOrder(ana.toString(), ben.toString());
        assertThat(byUser.path("groups").valueStream()
                .filter(group -> group.path("key").stringValue().equals(ana.toString())).findFirst().orElseThrow()
                .path("calls").asLong()).isEqualTo(2);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode byDay = usage(designer, "group_by=day&from=" + today + "&to=" + today);
        assertThat(byDay.path("groups").size()).isEqualTo(1);
        assertGroup(byDay.path("groups").get(0), today, 3, 15, 12, "0.026");

        JsonNode byNpc = usage(designer, "group_by=npc");
        assertThat(byNpc.path("groups").size()).isEqualTo(1);
        assertThat(byNpc.at("/groups/0/key").isNull()).as("calls for no NPC").isTrue();

        JsonNode elsewhere = usage(tokens.designer(UUID.randomUUID()), "group_by=model");
        assertThat(elsewhere.path("groups").isEmpty()).as("another game's designer sees nothing of it").isTrue();
        assertTotals(elsewhere.path("totals"), 0, 0, 0, "0");
    }

    @Test
    void refusesPlayersTheUsageAndTheBudgetAndDesignersTheBudgetChange() throws Exception {
        String player = tokens.player(gameId);

        assertThat(problemOf(send(get(player, "/api/models/usage")), 403).path("code").stringValue())
                .isEqualTo("forbidden");
        assertThat(send(get(player, "/api/models/budget")).statusCode()).isEqualTo(403);
        assertThat(send(putBudget(tokens.designer(gameId), "{\"monthly_usd\":100}")).statusCode()).isEqualTo(403);
        assertThat(send(get(tokens.designer(gameId), "/api/models/budget")).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "group_by=week", "from=2026-13-01", "from=2026-11-02&to=2026-11-01",
            "from=2024-01-01&to=2026-01-01" })
    void answersABadUsageQueryWithAProblem(String query) throws Exception {
        HttpResponse<String> response = send(get(tokens.designer(gameId), "/api/models/usage?" + query));

        assertThat(problemOf(response, 400).path("code").stringValue()).isEqualTo("invalid_parameter");
    }

    @Test
    void pagesTheGroupsAndGivesTheWholeRangesTotalsOnEveryPage() throws Exception {
        List<UUID> players = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID player : players) {
            http.send(chat(tokens.token(player, gameId, "p", Set.of(Roles.PLAYER)), CHAT.formatted("chat", false))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> assertThat(calls()).hasSize(3));
        String designer = tokens.designer(gameId);

        JsonNode first = usage(designer, "group_by=user&limit=2");
        JsonNode second = usage(designer, "group_by=user&limit=2&cursor=" + first.path("next_cursor").stringValue());

        assertThat(first.path("groups").size()).isEqualTo(2);
        assertThat(second.path("groups").size()).isEqualTo(1);
        assertThat(second.path("next_cursor").isNull()).as("the last page").isTrue();
        assertThat(Stream.concat(first.path("groups").valueStream(), second.path("groups").valueStream())
                .map(group -> group.path("key").stringValue()))
                .containsExactlyInAnyOrderElementsOf(players.stream().map(UUID::toString).toList());
        assertTotals(first.path("totals"), 3, 15, 12, "0.039");
        assertTotals(second.path("totals"), 3, 15, 12, "0.039");
    }

    @ParameterizedTest
    @CsvSource({ "limit=0, validation_failed", "limit=1001, validation_failed", "cursor=%25%25, invalid_cursor",
        "cursor=AA, invalid_cursor" })
    void answersABadPageWithAProblem(String query, String code) throws Exception {
        HttpResponse<String> response = send(get(tokens.designer(gameId), "/api/models/usage?group_by=user&" + query));

        assertThat(problemOf(response, 400).path("code").stringValue()).isEqualTo(code);
    }

    @Test
    void refusesCallsBeforeTheProviderOnceTheGamesBudgetIsSpent() throws Exception {
        String admin = tokens.admin(gameId);
        http.send(chat(tokens.player(gameId), CHAT.formatted("chat", false)).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> assertThat(
                json.readTree(send(get(admin, "/api/models/budget")).body()).path("spent_usd").decimalValue())
                .isEqualByComparingTo("0.013"));

        HttpResponse<String> set = send(putBudget(admin, "{\"monthly_usd\":0.000001}"));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode budget = json.readTree(set.body());
        assertThat(budget.path("monthly_usd").decimalValue()).isEqualByComparingTo("0.000001");
        assertThat(budget.path("source").stringValue()).isEqualTo("game");
        assertThat(budget.path("remaining_usd").decimalValue()).isZero();

        upstream.reset();
        for (boolean stream : new boolean[] { true, false }) {
            HttpResponse<String> refused = http.send(chat(tokens.player(gameId), CHAT.formatted("chat", stream)).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(refused, 402);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_budget_exceeded");
            assertThat(problem.path("detail").stringValue()).contains("0.000001 USD", "0.013 USD",
                    "PUT /api/models/budget");
            assertThat(problem.path("budget_usd").decimalValue()).isEqualByComparingTo("0.000001");
            assertThat(problem.path("spent_usd").decimalValue()).isEqualByComparingTo("0.013");
        }
        assertThat(upstream.requests()).as("the provider was never called").isEmpty();
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> assertThat(calls())
                .filteredOn(call -> "rejected_budget".equals(call.get("outcome"))).hasSize(2));

        send(putBudget(admin, "{\"monthly_usd\":100}"));
        assertThat(http.send(chat(tokens.player(gameId), CHAT.formatted("chat", false)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a raised budget lets calls through again")
                .isEqualTo(200);
    }

    @Test
    void writesTheCallsStillWaitingWhenModelServiceStops() {
        UsageRecorder recorder = new UsageRecorder(callRepository, prices, budgets, callMetrics);
        CallContext context = new CallContext(gameId, UUID.randomUUID(), null, "embedding", "onnx", "bge-small");
        for (int i = 0; i < 3; i++) {
            try (ModelCallMeter meter = recorder.start(context)) {
                meter.succeeded();
            }
        }

        recorder.close();

        assertThat(calls()).as("written on close, not left for the next batch").hasSize(3)
                .allSatisfy(call -> assertThat(call).containsEntry("outcome", "ok").containsEntry("role", "embedding"));
        try (ModelCallMeter meter = recorder.start(context)) {
            meter.succeeded();
        }
        assertThat(calls()).as("a call that ends after the close is written at once").hasSize(4);
    }

    @Test
    void refusesABudgetBelowZero() throws Exception {
        HttpResponse<String> response = send(putBudget(tokens.admin(gameId), "{\"monthly_usd\":-1}"));

        assertThat(problemOf(response, 400).path("errors").get(0).path("field").stringValue()).isEqualTo("monthly_usd");
    }

    private Map<String, Object> awaitOneCall() {
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> assertThat(calls()).hasSize(1));
        return calls().getFirst();
    }

    private List<Map<String, Object>> calls() {
        return jdbc.sql("select * from model_call where game_id = :gameId order by started_at")
                .param("gameId", gameId).query().listOfRows();
    }

    /** The values of the given series in model-service's Prometheus scrape; 0 for one not there yet. */
    private Map<String, Double> metrics(String... series) throws Exception {
        String scrape = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .GET().build()).body();
        Map<String, Double> values = new HashMap<>();
        for (String name : series) {
            values.put(name, scrape.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                    .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElse(0.0));
        }
        return values;
    }

    private JsonNode usage(String token, String query) throws Exception {
        HttpResponse<String> response = send(get(token, "/api/models/usage?" + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static void assertGroup(JsonNode group, String key, long calls, long tokensIn, long tokensOut,
            String costUsd) {
        assertThat(group.path("key").stringValue()).isEqualTo(key);
        assertTotals(group, calls, tokensIn, tokensOut, costUsd);
    }

    private static void assertTotals(JsonNode totals, long calls, long tokensIn, long tokensOut, String costUsd) {
        assertThat(totals.path("calls").asLong()).isEqualTo(calls);
        assertThat(totals.path("tokens_in").asLong()).isEqualTo(tokensIn);
        assertThat(totals.path("tokens_out").asLong()).isEqualTo(tokensOut);
        assertThat(totals.path("cost_usd").decimalValue()).isEqualByComparingTo(costUsd);
    }

    private HttpRequest.Builder chat(String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest get(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest putBudget(String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/budget"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

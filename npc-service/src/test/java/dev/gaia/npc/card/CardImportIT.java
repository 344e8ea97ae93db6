package dev.gaia.npc.card;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gaia.http.max-request-size=9MB", "spring.servlet.multipart.max-file-size=8MB",
        "spring.servlet.multipart.max-request-size=9MB" })
@Import(RealInfrastructure.class)
class CardImportIT {

    private static final Path CARDS = Path.of("src/test/resources/cards");
    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final JsonMapper json = JsonMapper.shared();
    private final UUID gameId = UUID.randomUUID();
    private final NpcApiClient api = new NpcApiClient(() -> this.port);

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> cards() {
        return Stream.of(Arguments.of("mira-v2", "json", "v2"), Arguments.of("mira-v2", "png", "v2"),
                Arguments.of("mira-v2", "charx", "v2"), Arguments.of("oren-v3", "json", "v3"),
                Arguments.of("oren-v3", "png", "v3"), Arguments.of("oren-v3", "charx", "v3"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("cards")
    void givesBackTheImportedCardFieldForField(String card, String format, String spec) throws Exception {
        JsonNode original = json.readTree(Files.readAllBytes(CARDS.resolve(card + ".json")));

        HttpResponse<String> imported = importRaw(Files.readAllBytes(CARDS.resolve(card + "." + format)),
                tokens.designer(gameId));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = json.readTree(imported.body());
        String npcId = answer.path("npc_id").stringValue();
        assertThat(answer.path("spec").stringValue()).isEqualTo(original.path("spec").stringValue());
        assertThat(answer.path("format").stringValue()).isEqualTo(format);

        HttpResponse<byte[]> exported = export(npcId, "format=" + format + "&spec=" + spec, tokens.designer(gameId));

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(cardOf(exported.body(), format, spec)).isEqualTo(original);
    }

    @Test
    void putsCardFieldsWhereTheLifeStrandHasAPlace() throws Exception {
        String npcId = importFile("mira-v2.json");

        JsonNode npc = json.readTree(api.get("/api/npcs/" + npcId, tokens.designer(gameId)).body());

        assertThat(npc.path("name").stringValue()).isEqualTo("Captain Mira Voss");
        assertThat(npc.path("background").path("history").stringValue()).startsWith("A retired privateer");
        assertThat(npc.path("personality").path("traits").valueStream().map(JsonNode::stringValue))
                .containsExactly("gruff", "loyal", "superstitious", "generous with regulars");
        assertThat(npc.path("speech_style").path("example_lines")).hasSize(2);
        assertThat(npc.path("tags").valueStream().map(JsonNode::stringValue)).containsExactly("pirate", "tavern",
                "female");
        JsonNode gull = npc.path("knowledge").get(0);
        assertThat(gull.path("text").stringValue()).startsWith("The Gull was a three-masted brig");
        assertThat(gull.path("keys").valueStream().map(JsonNode::stringValue)).containsExactly("Gull", "ship");
        assertThat(gull.path("scope").stringValue()).isEqualTo("COMMON");
        assertThat(npc.path("knowledge").valueStream().map(fact -> fact.path("text").stringValue()))
                .noneMatch(text -> text.contains("cursed"))
                .allMatch(text -> text.length() <= 1000);
    }

    @Test
    void acceptsAFileFromAFormAndTellsTheFormatByContentNotName() throws Exception {
        byte[] png = Files.readAllBytes(CARDS.resolve("oren-v3.png"));
        String boundary = "gaia-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"card.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> imported = api.send(api.request("/api/npcs/import", tokens.designer(gameId))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json.readTree(imported.body()).path("format").stringValue()).isEqualTo("png");
        assertThat(json.readTree(imported.body()).path("name").stringValue()).isEqualTo("Oren the Lamplighter");
    }

    @Test
    void exportsANativeNpcAsACardThatImportsBackToTheSameKnowledge() throws Exception {
        String npcId = api.createdNpcId(api.post("/api/npcs", Files.readString(SEED), tokens.designer(gameId)));
        JsonNode native_ = json.readTree(api.get("/api/npcs/" + npcId, tokens.designer(gameId)).body());

        for (String format : List.of("json", "png", "charx")) {
            HttpResponse<byte[]> exported = export(npcId, "format=" + format, tokens.designer(gameId));
            assertThat(exported.statusCode()).isEqualTo(200);
            JsonNode card = cardOf(exported.body(), format, "v3");
            assertThat(card.path("spec").stringValue()).isEqualTo("chara_card_v3");
            assertThat(card.path("data").path("name").stringValue()).isEqualTo("Elena Rodriguez");

            HttpResponse<String> reimported = importRaw(exported.body(), tokens.designer(gameId));
            assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(201);
            JsonNode copy = json.readTree(api.get("/api/npcs/" + json.readTree(reimported.body()).path("npc_id")
                    .stringValue(), tokens.designer(gameId)).body());
            assertThat(copy.path("knowledge")).isEqualTo(native_.path("knowledge"));
            assertThat(copy.path("background").path("history")).isEqualTo(native_.path("background").path("history"));
            assertThat(copy.path("personality").path("traits")).isEqualTo(native_.path("personality").path("traits"));
        }
    }

    @Test
    void forbidsAPlayerToImportOrExport() throws Exception {
        String npcId = importFile("mira-v2.json");
        long before = npcCount();

        HttpResponse<String> imported = importRaw(Files.readAllBytes(CARDS.resolve("mira-v2.json")),
                tokens.player(gameId));

        assertThat(imported.statusCode()).isEqualTo(403);
        assertThat(export(npcId, "format=json", tokens.player(gameId)).statusCode()).isEqualTo(403);
        assertThat(npcCount()).isEqualTo(before);
    }

    @Test
    void hidesAnotherGamesNpcFromExport() throws Exception {
        String npcId = importFile("mira-v2.json");

        HttpResponse<byte[]> exported = export(npcId, "format=json", tokens.designer(UUID.randomUUID()));

        assertThat(exported.statusCode()).isEqualTo(404);
        assertThat(json.readTree(exported.body()).path("code").stringValue()).isEqualTo("npc_not_found");
    }

    @Test
    void refusesHostileFilesWithAProblemAndStoresNothing() throws Exception {
        ObjectNode nul = (ObjectNode) json.readTree(Files.readAllBytes(CARDS.resolve("mira-v2.json")));
        ((ObjectNode) nul.path("data")).put("scenario", "a\u0000b");
        ObjectNode longDescription = (ObjectNode) json.readTree(Files.readAllBytes(CARDS.resolve("mira-v2.json")));
        ((ObjectNode) longDescription.path("data")).put("description", "d".repeat(10_001));
        ObjectNode tooManyTags = (ObjectNode) json.readTree(Files.readAllBytes(CARDS.resolve("oren-v3.json")));
        ((ObjectNode) tooManyTags.path("data")).set("tags", json.valueToTree(
                Stream.iterate(0, i -> i + 1).limit(31).map(i -> "tag" + i).toList()));
        byte[] png = Files.readAllBytes(CARDS.resolve("mira-v2.png"));
        byte[] badCrc = png.clone();
        badCrc[40] ^= 0x01;
        Map<String, byte[]> files = Map.of(
                "zip bomb", zip(Map.of("card.json", Files.readAllBytes(CARDS.resolve("mira-v2.json")),
                        "assets/other/bomb.bin", new byte[40 * 1024 * 1024])),
                "path traversal", zip(Map.of("../card.json", Files.readAllBytes(CARDS.resolve("mira-v2.json")))),
                "no card", zip(Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8))),
                "bad crc", badCrc,
                "nul character", json.writeValueAsBytes(nul),
                "long description", json.writeValueAsBytes(longDescription),
                "too many tags", json.writeValueAsBytes(tooManyTags),
                "not a card", "just some text".getBytes(StandardCharsets.UTF_8),
                "too large", new byte[8 * 1024 * 1024 + 1]);
        Map<String, String> codes = Map.of("zip bomb", "card_too_large", "path traversal", "card_malformed",
                "no card", "card_missing", "bad crc", "card_malformed", "nul character", "card_invalid",
                "long description", "card_invalid", "too many tags", "card_invalid", "not a card",
                "card_format_unknown", "too large", "card_too_large");
        long before = npcCount();

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> refused = importRaw(file.getValue(), tokens.designer(gameId));

            assertThat(refused.statusCode()).as(file.getKey()).isBetween(400, 499);
            assertThat(refused.headers().firstValue("Content-Type")).as(file.getKey()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).path("code").stringValue()).as(file.getKey())
                    .isEqualTo(codes.get(file.getKey()));
        }
        assertThat(npcCount()).isEqualTo(before);
    }

    @Test
    void namesTheCardFieldThatDoesNotFit() throws Exception {
        ObjectNode card = (ObjectNode) json.readTree(Files.readAllBytes(CARDS.resolve("mira-v2.json")));
        ((ObjectNode) card.path("data")).put("description", "d".repeat(10_001));
        ((ObjectNode) card.path("data").path("character_book").path("entries").get(1))
                .set("keys", json.valueToTree(List.of("k".repeat(101))));

        HttpResponse<String> refused = importRaw(json.writeValueAsBytes(card), tokens.designer(gameId));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("errors").valueStream().map(e -> e.path("field").stringValue()))
                .containsExactlyInAnyOrder("data.description", "data.character_book.entries[1].keys");
    }

    @Test
    void neverAnswersBrokenCardsWithA5xxNorStoresThem() throws Exception {
        Random random = new Random(20_240_521L);
        List<byte[]> valid = List.of(Files.readAllBytes(CARDS.resolve("mira-v2.json")),
                Files.readAllBytes(CARDS.resolve("oren-v3.png")), Files.readAllBytes(CARDS.resolve("mira-v2.charx")),
                Files.readAllBytes(CARDS.resolve("oren-v3.charx")), Files.readAllBytes(CARDS.resolve("mira-v2.png")));
        String designer = tokens.designer(gameId);
        long before = npcCount();
        long accepted = 0;

        for (int i = 0; i < 300; i++) {
            byte[] broken = CardFuzz.mutate(valid.get(i % valid.size()), random);
            HttpResponse<String> answer = importRaw(broken, designer);

            assertThat(answer.statusCode()).as("mutation %d: %s", i, answer.body()).isLessThan(500);
            if (answer.statusCode() == 201) {
                accepted++;
            }
            else {
                assertThat(answer.statusCode()).as("mutation %d", i).isBetween(400, 499);
            }
        }
        assertThat(npcCount()).isEqualTo(before + accepted);
    }

    private String importFile(String name) throws Exception {
        return api.createdNpcId(importRaw(Files.readAllBytes(CARDS.resolve(name)), tokens.designer(gameId)));
    }

    private JsonNode cardOf(byte[] file, String format, String spec) throws IOException {
        return switch (format) {
            case "json" -> json.readTree(file);
            case "charx" -> json.readTree(unzip(file).get("card.json"));
            default -> json.readTree(Base64.getDecoder().decode(
                    PngCard.read(file).get(spec.equals("v3") ? PngCard.CCV3 : PngCard.CHARA)));
        };
    }

    private long npcCount() {
        return jdbc.sql("select count(*) from npc where game_id = :game").param("game", gameId)
                .query(Long.class).single();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private HttpResponse<String> importRaw(byte[] file, String token) throws Exception {
        return api.send(api.request("/api/npcs/import", token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    private HttpResponse<byte[]> export(String npcId, String query, String token) throws Exception {
        return api.send(api.request("/api/npcs/" + npcId + "/card?" + query, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}

package dev.gaia.npc.card;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CardFilesTests {

    private static final Path CARDS = Path.of("src/test/resources/cards");

    @ParameterizedTest
    @ValueSource(strings = { "mira-v2.png", "mira-v2.charx", "oren-v3.png", "oren-v3.charx" })
    void readsTheSameCardFromEveryFormat(String file) throws IOException {
        String name = file.substring(0, file.indexOf('.'));
        CardDocument expected = CardDocument.parse(Files.readAllBytes(CARDS.resolve(name + ".json")));

        assertThat(CardFiles.read(Files.readAllBytes(CARDS.resolve(file))).card()).isEqualTo(expected.card());
    }

    @Test
    void writesAPngThatImageReadersStillOpenWithBothCardChunks() throws IOException {
        CardDocument oren = CardDocument.parse(Files.readAllBytes(CARDS.resolve("oren-v3.json")));
        byte[] png = CardFiles.write(CardMapping.toLifeStrand(oren).lifeStrand(), CardFormat.PNG, CardSpec.V3);

        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        assertThat(PngCard.read(png)).containsOnlyKeys(PngCard.CHARA, PngCard.CCV3);
        assertThat(CardFiles.read(png).card()).isEqualTo(oren.card());
    }

    @Test
    void replacesTheCardChunksOfAnImageItWritesInto() throws IOException {
        byte[] png = Files.readAllBytes(CARDS.resolve("oren-v3.png"));
        SequencedMap<String, String> chunks = new LinkedHashMap<>();
        chunks.put(PngCard.CHARA, "e30=");

        assertThat(PngCard.read(PngCard.write(png, chunks))).isEqualTo(Map.of(PngCard.CHARA, "e30="));
    }

    @Test
    void refusesAPngWithABadChecksum() throws IOException {
        byte[] png = Files.readAllBytes(CARDS.resolve("mira-v2.png"));
        png[png.length - 20] ^= 0x10;

        assertThat(problemOf(png).code()).isEqualTo("card_malformed");
    }

    @Test
    void refusesAPngWithTooManyChunks() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        chunk(png, "IHDR", new byte[13]);
        for (int i = 0; i < PngCard.MAX_CHUNKS; i++) {
            chunk(png, "tEXt", "x\0y".getBytes());
        }
        chunk(png, "IEND", new byte[0]);

        assertThat(problemOf(png.toByteArray()).code()).isEqualTo("card_too_large");
    }

    @Test
    void refusesAChunkThatClaimsMoreBytesThanTheFileHas() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        png.writeBytes(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).put("IHDR".getBytes()).array());
        png.writeBytes(new byte[16]);

        assertThat(problemOf(png.toByteArray()).code()).isEqualTo("card_malformed");
    }

    @Test
    void refusesAPngWithoutACard() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        chunk(png, "IHDR", new byte[13]);
        chunk(png, "IEND", new byte[0]);

        assertThat(problemOf(png.toByteArray()).code()).isEqualTo("card_missing");
    }

    @Test
    void stopsAZipBombEarly() throws IOException {
        byte[] bomb = CardImportIT.zip(Map.of("card.json", "{}".getBytes(),
                "assets/other/zeros.bin", new byte[(int) CharxArchive.MAX_TOTAL_UNCOMPRESSED + 1]));

        ProblemException problem = problemOf(bomb);

        assertThat(problem.code()).isEqualTo("card_too_large");
        assertThat(bomb.length).isLessThan(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../card.json", "/card.json", "assets/../../x", "c:\\card.json" })
    void refusesEntryNamesThatClimbOutOfTheArchive(String name) throws IOException {
        assertThat(problemOf(CardImportIT.zip(Map.of(name, "{}".getBytes()))).code()).isEqualTo("card_malformed");
    }

    @Test
    void refusesAnArchiveWithTooManyEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= CharxArchive.MAX_ENTRIES; i++) {
            entries.put("assets/other/" + i + ".txt", new byte[1]);
        }

        assertThat(problemOf(CardImportIT.zip(entries)).code()).isEqualTo("card_too_large");
    }

    @Test
    void refusesDuplicateKeysAndTrailingData() {
        assertThat(problemOf("{\"spec\":\"chara_card_v2\",\"spec\":\"x\",\"data\":{}}".getBytes()).code())
                .isEqualTo("card_malformed");
        assertThat(problemOf("{\"name\":\"a\"} {}".getBytes()).code()).isEqualTo("card_malformed");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"name\":\"a\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(problemOf(deep.getBytes()).code()).isEqualTo("card_malformed");
    }

    /** Thousands of broken files: every one is read or refused with a 4xx problem, never anything else. */
    @Test
    void answersEveryBrokenFileWithAClientProblem() throws IOException {
        Random random = new Random(42);
        byte[][] valid = { Files.readAllBytes(CARDS.resolve("mira-v2.json")),
                Files.readAllBytes(CARDS.resolve("oren-v3.json")), Files.readAllBytes(CARDS.resolve("mira-v2.png")),
                Files.readAllBytes(CARDS.resolve("oren-v3.png")), Files.readAllBytes(CARDS.resolve("mira-v2.charx")),
                Files.readAllBytes(CARDS.resolve("oren-v3.charx")) };

        for (int i = 0; i < 5_000; i++) {
            byte[] broken = CardFuzz.mutate(valid[i % valid.length], random);
            try {
                CardMapping.Imported imported = CardMapping.toLifeStrand(CardFiles.read(broken));
                assertThat(CardMapping.toCard(imported.lifeStrand(), CardSpec.V3, false)).isNotNull();
            }
            catch (ProblemException problem) {
                assertThat(problem.status().is4xxClientError()).as("mutation %d: %s", i, problem.getMessage()).isTrue();
            }
        }
    }

    private static ProblemException problemOf(byte[] file) {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> CardMapping.toLifeStrand(CardFiles.read(file)));
        assertThat(problem).as("a problem for a %d-byte file starting %s", file.length,
                Arrays.toString(Arrays.copyOf(file, 8))).isNotNull();
        return problem;
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(type.getBytes());
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

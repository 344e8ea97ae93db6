package dev.gaia.npc.card;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32;

/**
 * The Character Card text chunks of a PNG image ({@code tEXt} chunks named {@code chara} and
 * {@code ccv3}, base64 JSON), read by a small chunk reader that checks every chunk's CRC and
 * refuses images with too many or too large chunks, and written into an image before its
 * {@code IEND}.
 */
final class PngCard {

    /** The keyword of a Character Card V2 (or V1) chunk. */
    static final String CHARA = "chara";

    /** The keyword of a Character Card V3 chunk. */
    static final String CCV3 = "ccv3";

    static final int MAX_CHUNKS = 1_000;

    /** A card's text chunk: base64 of at most {@link CardDocument#MAX_JSON_BYTES} bytes of JSON. */
    static final int MAX_CARD_CHUNK_BYTES = CardDocument.MAX_JSON_BYTES / 3 * 4 + 4 + 80;

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private PngCard() {
    }

    static boolean isPng(byte[] file) {
        return file.length >= SIGNATURE.length && Arrays.equals(file, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /**
     * The card chunks of a PNG, by keyword, with their base64 text as it is.
     *
     * @throws dev.gaia.shared.problem.ProblemException {@code card_malformed} for a truncated image, a
     *         bad CRC, a chunk before {@code IHDR} or a repeated card chunk; {@code card_too_large}
     *         for too many chunks or an oversized card chunk
     */
    static Map<String, String> read(byte[] png) {
        if (!isPng(png)) {
            throw CardProblems.malformed("The file does not start with the PNG signature.");
        }
        Map<String, String> cards = new LinkedHashMap<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(SIGNATURE.length);
        int chunks = 0;
        while (true) {
            if (buffer.remaining() < 12) {
                throw CardProblems.malformed("The PNG image is truncated: it ends before its IEND chunk.");
            }
            long length = Integer.toUnsignedLong(buffer.getInt());
            int typeStart = buffer.position();
            if (length > buffer.remaining() - 8) {
                throw CardProblems.malformed("The PNG image is truncated or a chunk claims " + length + " bytes.");
            }
            String type = chunkType(png, typeStart);
            if (++chunks > MAX_CHUNKS) {
                throw CardProblems.tooLarge("The PNG image has more than " + MAX_CHUNKS + " chunks.");
            }
            if (chunks == 1 && !type.equals("IHDR")) {
                throw CardProblems.malformed("The PNG image does not begin with its IHDR chunk.");
            }
            CRC32 crc = new CRC32();
            crc.update(png, typeStart, 4 + (int) length);
            buffer.position(typeStart + 4 + (int) length);
            if ((int) crc.getValue() != buffer.getInt()) {
                throw CardProblems.malformed("The PNG image's " + type + " chunk " + chunks
                        + " fails its CRC check: the file is damaged.");
            }
            if (type.equals("tEXt")) {
                readText(png, typeStart + 4, (int) length, cards);
            }
            if (type.equals("IEND")) {
                return cards;
            }
        }
    }

    private static String chunkType(byte[] png, int start) {
        for (int i = start; i < start + 4; i++) {
            byte b = png[i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                throw CardProblems.malformed("The PNG image has a chunk whose type is not four letters.");
            }
        }
        return new String(png, start, 4, StandardCharsets.ISO_8859_1);
    }

    private static void readText(byte[] png, int start, int length, Map<String, String> cards) {
        int separator = -1;
        for (int i = start; i < start + Math.min(length, 80); i++) {
            if (png[i] == 0) {
                separator = i;
                break;
            }
        }
        if (separator < 0) {
            return;
        }
        String keyword = new String(png, start, separator - start, StandardCharsets.ISO_8859_1);
        if (!keyword.equals(CHARA) && !keyword.equals(CCV3)) {
            return;
        }
        int textLength = start + length - separator - 1;
        if (textLength > MAX_CARD_CHUNK_BYTES) {
            throw CardProblems.tooLarge("The PNG image's " + keyword + " chunk is larger than "
                    + MAX_CARD_CHUNK_BYTES + " bytes.");
        }
        if (cards.putIfAbsent(keyword, new String(png, separator + 1, textLength, StandardCharsets.ISO_8859_1))
                != null) {
            throw CardProblems.malformed("The PNG image has more than one " + keyword + " chunk.");
        }
    }

    /**
     * {@code png} with {@code texts} as {@code tEXt} chunks just before its {@code IEND}, in
     * their order; card chunks it already had are left out.
     */
    static byte[] write(byte[] png, SequencedMap<String, String> texts) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 1024);
        out.writeBytes(SIGNATURE);
        buffer.position(SIGNATURE.length);
        while (buffer.remaining() >= 12) {
            int start = buffer.position();
            int length = buffer.getInt();
            String type = new String(png, start + 4, 4, StandardCharsets.ISO_8859_1);
            int end = start + 12 + length;
            if (type.equals("IEND")) {
                texts.forEach((keyword, text) -> writeChunk(out, "tEXt",
                        (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1)));
            }
            boolean oldCard = type.equals("tEXt") && isCardChunk(png, start + 8, length);
            if (!oldCard) {
                out.write(png, start, end - start);
            }
            buffer.position(end);
        }
        return out.toByteArray();
    }

    private static boolean isCardChunk(byte[] png, int start, int length) {
        String head = new String(png, start, Math.min(length, 6), StandardCharsets.ISO_8859_1);
        return head.startsWith(CHARA + '\0') || head.startsWith(CCV3 + '\0');
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

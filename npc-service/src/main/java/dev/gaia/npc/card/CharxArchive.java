package dev.gaia.npc.card;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A {@code .charx} archive (Character Card V3): a zip with the card as {@code card.json} at its
 * root and the card's assets beside it. Reading inflates at most
 * {@value #MAX_TOTAL_UNCOMPRESSED} bytes over at most {@value #MAX_ENTRIES} entries, so a zip
 * bomb stops early, and refuses entry names that could climb out of a folder.
 */
final class CharxArchive {

    static final String CARD_ENTRY = "card.json";

    static final int MAX_ENTRIES = 256;

    static final long MAX_TOTAL_UNCOMPRESSED = 32L * 1024 * 1024;

    private static final int MAX_NAME_LENGTH = 512;

    private static final byte[] LOCAL_HEADER = { 'P', 'K', 3, 4 };

    private static final byte[] EMPTY_ARCHIVE = { 'P', 'K', 5, 6 };

    private CharxArchive() {
    }

    static boolean isZip(byte[] file) {
        return file.length >= 4 && (Arrays.equals(file, 0, 4, LOCAL_HEADER, 0, 4)
                || Arrays.equals(file, 0, 4, EMPTY_ARCHIVE, 0, 4));
    }

    /**
     * The bytes of the archive's {@code card.json}.
     *
     * @throws dev.gaia.shared.problem.ProblemException {@code card_malformed} for a broken zip, an
     *         unsafe entry name or two {@code card.json}; {@code card_too_large} past the limits;
     *         {@code card_missing} without {@code card.json}
     */
    static byte[] read(byte[] charx) {
        byte[] card = null;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(charx))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw CardProblems.tooLarge("The archive has more than " + MAX_ENTRIES + " entries.");
                }
                String name = entry.getName();
                checkName(name);
                boolean isCard = name.equals(CARD_ENTRY);
                if (isCard && card != null) {
                    throw CardProblems.malformed("The archive has more than one " + CARD_ENTRY + ".");
                }
                ByteArrayOutputStream kept = isCard ? new ByteArrayOutputStream() : null;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    if (inflated > MAX_TOTAL_UNCOMPRESSED) {
                        throw CardProblems.tooLarge("The archive unpacks to more than " + MAX_TOTAL_UNCOMPRESSED
                                + " bytes.");
                    }
                    if (kept != null) {
                        if (kept.size() + read > CardDocument.MAX_JSON_BYTES) {
                            throw CardProblems.tooLarge("The archive's " + CARD_ENTRY + " is larger than "
                                    + CardDocument.MAX_JSON_BYTES + " bytes.");
                        }
                        kept.write(buffer, 0, read);
                    }
                }
                if (kept != null) {
                    card = kept.toByteArray();
                }
            }
        }
        catch (IOException | IllegalArgumentException ex) {
            throw CardProblems.malformed("The .charx archive is not a readable zip file: " + ex.getMessage());
        }
        if (card == null) {
            throw CardProblems.missing("The archive has no " + CARD_ENTRY + " at its root, so it holds no card.");
        }
        return card;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.startsWith("/") || name.contains("\\")
                || name.contains(":") || name.indexOf('\0') >= 0
                || Arrays.asList(name.split("/")).contains("..")) {
            throw CardProblems.malformed("The archive has an entry whose name is not a safe relative path: "
                    + name.substring(0, Math.min(name.length(), 100)));
        }
    }

    /** An archive holding {@code cardJson} as its {@code card.json}. */
    static byte[] write(byte[] cardJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(CARD_ENTRY));
            zip.write(cardJson);
            zip.closeEntry();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}

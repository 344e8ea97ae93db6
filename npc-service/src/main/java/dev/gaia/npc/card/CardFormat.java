package dev.gaia.npc.card;

import java.util.Locale;

import dev.gaia.shared.problem.ProblemException;

import org.springframework.http.MediaType;

/** The files a card comes in. */
enum CardFormat {

    JSON(MediaType.APPLICATION_JSON, "json"),

    PNG(MediaType.IMAGE_PNG, "png"),

    /** A zip archive with {@code card.json} and assets. */
    CHARX(MediaType.parseMediaType("application/zip"), "charx");

    private final MediaType mediaType;
    private final String extension;

    CardFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The format of a file, from its first bytes: never from its name or declared type. */
    static CardFormat detect(byte[] file) {
        if (PngCard.isPng(file)) {
            return PNG;
        }
        if (CharxArchive.isZip(file)) {
            return CHARX;
        }
        int first = 0;
        if (file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf) {
            first = 3;
        }
        while (first < file.length && (file[first] == ' ' || file[first] == '\t' || file[first] == '\r'
                || file[first] == '\n')) {
            first++;
        }
        if (first < file.length && file[first] == '{') {
            return JSON;
        }
        throw CardProblems.unknownFormat();
    }

    /** The format a query parameter names: {@code json}, {@code png} or {@code charx}. */
    static CardFormat ofParameter(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "png" -> PNG;
            case "charx" -> CHARX;
            default -> throw ProblemException.badRequest("invalid_parameter",
                    "The value of 'format' is not valid: ask for json, png or charx.");
        };
    }
}

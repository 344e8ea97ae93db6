package dev.gaia.npc.card;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import dev.gaia.shared.web.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Character Cards in and out: designers import a card file (JSON, PNG or charx; V1, V2 or V3)
 * as a new character and export any character as a card.
 */
@RestController
@RequestMapping("/api/npcs")
class CardController {

    private final CardService cards;
    private final long maxFileSize;

    CardController(CardService cards, CardProperties properties) {
        this.cards = cards;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /** A card sent as the {@code file} part of a form. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<ImportedCard> importPart(@RequestPart("file") MultipartFile file, GaiaPrincipal caller)
            throws IOException {
        if (file.getSize() > maxFileSize) {
            throw tooLarge();
        }
        return created(cards.importCard(file.getBytes(), caller));
    }

    /** A card sent as the body itself, whatever its declared type: the content tells the format. */
    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<ImportedCard> importBody(InputStream body, GaiaPrincipal caller) throws IOException {
        byte[] file;
        try {
            file = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
        }
        catch (PayloadTooLargeException ex) {
            throw tooLarge();
        }
        if (file.length > maxFileSize) {
            throw tooLarge();
        }
        return created(cards.importCard(file, caller));
    }

    @GetMapping("/{npcId}/card")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<byte[]> export(@PathVariable UUID npcId, @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) @Nullable String spec, GaiaPrincipal caller) {
        CardFormat cardFormat = CardFormat.ofParameter(format);
        CardService.ExportedCard card = cards.export(npcId, cardFormat, spec == null ? null : CardSpec.ofParameter(spec),
                caller);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(card.name() + "." + cardFormat.extension(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(cardFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(card.content());
    }

    private static ResponseEntity<ImportedCard> created(ImportedCard card) {
        return ResponseEntity.created(URI.create("/api/npcs/" + card.npcId())).body(card);
    }

    private ProblemException tooLarge() {
        return CardProblems.tooLarge("The card file is larger than the " + maxFileSize + " bytes an import accepts.");
    }
}

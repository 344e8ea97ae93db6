package dev.gaia.npc.card;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrandValidator;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Imports Character Cards as new characters of the caller's game and exports characters as
 * cards. An import checks everything before it stores anything: a card that fails leaves no
 * trace.
 */
@Service
class CardService {

    private final NpcService npcs;
    private final LifeStrandValidator validator;

    CardService(NpcService npcs, LifeStrandValidator validator) {
        this.npcs = npcs;
        this.validator = validator;
    }

    /**
     * Creates a character from a card file of any supported format and spec.
     *
     * @throws dev.gaia.shared.problem.ProblemException {@code card_format_unknown},
     *         {@code card_malformed}, {@code card_too_large}, {@code card_missing} or
     *         {@code card_invalid} (with the card fields at fault)
     */
    ImportedCard importCard(byte[] file, GaiaPrincipal caller) {
        CardFormat format = CardFormat.detect(file);
        CardDocument document = CardFiles.read(file);
        CardMapping.Imported imported = CardMapping.toLifeStrand(document);
        check(imported);
        String formatName = format.extension();
        NpcView npc = npcs.create(caller.gameId(), caller.userId(), imported.lifeStrand(), ChangeReason.CARD_IMPORT,
                "Imported from a " + document.spec().spec() + " card (" + formatName + ")");
        return new ImportedCard(npc.npcId(), npc.lifeStrand().name(), document.spec().spec(), formatName);
    }

    /**
     * A character of the caller's game as a card file.
     *
     * @param spec the spec to write; {@code null} for the spec the character was imported in
     *        (V3 for a character that was not imported)
     * @throws dev.gaia.shared.problem.ProblemException 404 {@code npc_not_found}
     */
    ExportedCard export(UUID npcId, CardFormat format, @Nullable CardSpec spec, GaiaPrincipal caller) {
        NpcView npc = npcs.find(caller.gameId(), npcId).orElseThrow(() -> NpcService.notFound(npcId));
        LifeStrand lifeStrand = npc.lifeStrand();
        CardSpec written = spec != null ? spec
                : lifeStrand.extensions().containsKey(CardMapping.CARD) ? CardMapping.keptSpec(lifeStrand) : CardSpec.V3;
        return new ExportedCard(lifeStrand.name(), format, CardFiles.write(lifeStrand, format, written));
    }

    /**
     * Names what is wrong in the card's own fields; several Life Strand fields can come from one
     * card field, hence each error only once.
     */
    private void check(CardMapping.Imported imported) {
        List<Map<String, String>> errors = validator.errors(imported.lifeStrand(), imported::cardField).stream()
                .distinct()
                .toList();
        if (!errors.isEmpty()) {
            throw CardProblems.invalid(errors);
        }
    }

    /**
     * A card file ready to send.
     *
     * @param name the character's name, for the file name
     * @param format the file's format
     * @param content the file
     */
    record ExportedCard(String name, CardFormat format, byte[] content) {
    }
}

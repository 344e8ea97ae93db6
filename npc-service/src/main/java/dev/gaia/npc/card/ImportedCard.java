package dev.gaia.npc.card;

import java.util.UUID;

/**
 * The answer to {@code POST /api/npcs/import}.
 *
 * @param npcId the character the card became
 * @param name its name
 * @param spec the card's specification, {@code chara_card_v2} or {@code chara_card_v3}
 * @param format the file the card came in: {@code json}, {@code png} or {@code charx}
 */
record ImportedCard(UUID npcId, String name, String spec, String format) {
}

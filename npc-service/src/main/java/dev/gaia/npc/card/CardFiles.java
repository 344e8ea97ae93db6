package dev.gaia.npc.card;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

import javax.imageio.ImageIO;

import dev.gaia.npc.lifestrand.LifeStrand;

/** Card files: the card inside a JSON, PNG or charx file, and the file for a Life Strand's card. */
final class CardFiles {

    private static final int PORTRAIT_SIZE = 256;

    private CardFiles() {
    }

    /**
     * The card a file holds, its format told by its first bytes; of a PNG with both chunks, the
     * V3 one.
     */
    static CardDocument read(byte[] file) {
        return switch (CardFormat.detect(file)) {
            case JSON -> CardDocument.parse(file);
            case CHARX -> CardDocument.parse(CharxArchive.read(file));
            case PNG -> {
                Map<String, String> chunks = PngCard.read(file);
                String text = chunks.containsKey(PngCard.CCV3) ? chunks.get(PngCard.CCV3) : chunks.get(PngCard.CHARA);
                if (text == null) {
                    throw CardProblems.missing("The PNG image has no chara or ccv3 text chunk, so it holds no card.");
                }
                yield CardDocument.parseBase64(text);
            }
        };
    }

    /**
     * A Life Strand's card as a file. A PNG carries the card twice, as V2 ({@code chara}) and as
     * V3 ({@code ccv3}), whatever {@code spec} asks for.
     */
    static byte[] write(LifeStrand lifeStrand, CardFormat format, CardSpec spec) {
        return switch (format) {
            case JSON -> CardDocument.write(CardMapping.toCard(lifeStrand, spec, false));
            case CHARX -> CharxArchive.write(CardDocument.write(CardMapping.toCard(lifeStrand, spec, false)));
            case PNG -> {
                boolean backfill = CardMapping.keptSpec(lifeStrand) == CardSpec.V3;
                SequencedMap<String, String> chunks = new LinkedHashMap<>();
                chunks.put(PngCard.CHARA, CardDocument.writeBase64(CardMapping.toCard(lifeStrand, CardSpec.V2,
                        backfill)));
                chunks.put(PngCard.CCV3, CardDocument.writeBase64(CardMapping.toCard(lifeStrand, CardSpec.V3,
                        false)));
                yield PngCard.write(portrait(lifeStrand.name()), chunks);
            }
        };
    }

    /**
     * A plain portrait for the card's image: the character's picture lives in asset-service, so
     * the card carries a gradient of colours drawn from its name.
     */
    private static byte[] portrait(String name) {
        BufferedImage image = new BufferedImage(PORTRAIT_SIZE, PORTRAIT_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        int hash = name.hashCode();
        Color top = Color.getHSBColor((hash & 0xff) / 255f, 0.45f, 0.85f);
        Color bottom = Color.getHSBColor(((hash >>> 8) & 0xff) / 255f, 0.55f, 0.35f);
        graphics.setPaint(new GradientPaint(0, 0, top, 0, PORTRAIT_SIZE, bottom));
        graphics.fillRect(0, 0, PORTRAIT_SIZE, PORTRAIT_SIZE);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}

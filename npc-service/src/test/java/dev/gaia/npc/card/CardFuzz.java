package dev.gaia.npc.card;

import java.util.Arrays;
import java.util.Random;

/** Broken versions of valid card files: truncated, bit-flipped, spliced, or random bytes. */
final class CardFuzz {

    private CardFuzz() {
    }

    static byte[] mutate(byte[] valid, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> {
                byte[] flipped = valid.clone();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            case 2 -> {
                byte[] spliced = valid.clone();
                int at = random.nextInt(spliced.length);
                int length = Math.min(spliced.length - at, 1 + random.nextInt(64));
                for (int i = at; i < at + length; i++) {
                    spliced[i] = (byte) random.nextInt(256);
                }
                yield spliced;
            }
            case 3 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                byte[] head = Arrays.copyOf(valid, Math.min(valid.length, 8 + random.nextInt(64)));
                byte[] mixed = Arrays.copyOf(head, head.length + noise.length);
                System.arraycopy(noise, 0, mixed, head.length, noise.length);
                yield mixed;
            }
            default -> {
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }
}

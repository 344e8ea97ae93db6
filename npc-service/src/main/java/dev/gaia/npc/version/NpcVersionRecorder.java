package dev.gaia.npc.version;

import dev.gaia.npc.lifestrand.NpcRevised;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each new version of a Life Strand into the history, in the transaction of the change:
 * a change that is not recorded does not happen.
 */
@Component
class NpcVersionRecorder {

    private final NpcVersionRepository versions;

    NpcVersionRecorder(NpcVersionRepository versions) {
        this.versions = versions;
    }

    @EventListener
    void on(NpcRevised revision) {
        versions.insert(revision);
    }
}

package org.dubgate.domain.gate;

import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a job intends to do, as the gate needs to see it. */
public record JobPlan(TitleCode title, Territory territory, Purpose purpose, Instant at, Optional<UUID> jobId,
                      List<Target> targets) {

    public JobPlan {
        targets = List.copyOf(targets);
    }

    /** How a character is dubbed in one language. */
    public enum Approach { HUMAN, SYNTHETIC, ORIGINAL }

    public record Target(LanguageTag language, List<Character> characters) {
        public Target {
            characters = List.copyOf(characters);
        }
    }

    /**
     * One character in one language. A SYNTHETIC character has a voice model and either the
     * performer whose voice it is, or none (a stock voice, R4). {@code lipSync} alters the on-screen
     * performance of that character.
     */
    public record Character(String name, Approach approach, Optional<UUID> voicePerformerId,
                            Optional<UUID> voiceModelId, Optional<LipSync> lipSync) {
    }

    public record LipSync(UUID onScreenPerformerId, UUID modelId) {
    }
}

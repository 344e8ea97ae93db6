package dev.gaia.shared.events;

import java.util.UUID;

/** Subject and type names of Gaia's events: {@code gaia.<game_id>.<aggregate>.<event>.v<N>}. */
public final class EventSubjects {

    /** The JetStream stream that captures every Gaia event. */
    public static final String STREAM = "GAIA";
    /** The subjects the stream captures. */
    public static final String ALL = "gaia.>";

    private EventSubjects() {
    }

    public static String subject(UUID gameId, String aggregate, String event, int version) {
        return "gaia." + gameId + "." + aggregate + "." + event + ".v" + version;
    }

    /** Subjects of one kind of event in every game, for a consumer's filter. */
    public static String inEveryGame(String aggregate, String event, int version) {
        return "gaia.*." + aggregate + "." + event + ".v" + version;
    }

    public static String type(String aggregate, String event, int version) {
        return "dev.gaia." + aggregate + "." + event + ".v" + version;
    }
}

package dev.gaia.chat.turn;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/** How a reply's events are framed on the wire. */
enum ReplyFormat {

    /** One JSON object per line, the default. */
    NDJSON(MediaType.APPLICATION_NDJSON, null) {
        @Override
        String frame(String json) {
            return json + "\n";
        }
    },

    /** Server-Sent Events, one {@code data:} event per object, with comment lines as heartbeats. */
    SSE(MediaType.TEXT_EVENT_STREAM, ":\n\n") {
        @Override
        String frame(String json) {
            return "data: " + json + "\n\n";
        }
    };

    private final MediaType mediaType;
    private final @Nullable String heartbeat;

    ReplyFormat(MediaType mediaType, @Nullable String heartbeat) {
        this.mediaType = mediaType;
        this.heartbeat = heartbeat;
    }

    abstract String frame(String json);

    MediaType mediaType() {
        return mediaType;
    }

    /** What keeps an idle stream open, if the format has such a thing. */
    @Nullable String heartbeat() {
        return heartbeat;
    }
}

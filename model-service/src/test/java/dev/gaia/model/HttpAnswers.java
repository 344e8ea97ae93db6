package dev.gaia.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading model-service's answers in integration tests: problems and server-sent events. */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    /** Asserts the answer is a problem with the given status and returns its body. */
    public static JsonNode problemOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JsonMapper.shared().readTree(response.body());
    }

    /** The {@code data:} payloads of an event stream, in order, read to its end. */
    public static List<String> dataOf(InputStream body) throws IOException {
        List<String> data = new ArrayList<>();
        try (BufferedReader events = reader(body)) {
            String line;
            while ((line = events.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring("data: ".length()));
                }
            }
        }
        return data;
    }

    public static BufferedReader reader(InputStream body) {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }
}

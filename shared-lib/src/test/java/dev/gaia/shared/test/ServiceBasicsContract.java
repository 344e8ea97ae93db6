package dev.gaia.shared.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Gaia service owes its operators before it has features: it migrates its own
 * schema, reports ready, and refuses a caller without a token with a problem. A service's
 * {@code *IT} extends it under {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} with
 * {@code @Import(RealInfrastructure.class)}.
 */
public abstract class ServiceBasicsContract {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String schema;
    private final String table;
    private final String protectedPath;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    /**
     * @param schema the service's schema
     * @param table a table its first migration creates
     * @param protectedPath a path that needs a token
     */
    protected ServiceBasicsContract(String schema, String table, String protectedPath) {
        this.schema = schema;
        this.table = table;
        this.protectedPath = protectedPath;
    }

    @Test
    void migratesItsSchemaAndReportsReady() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = ? and table_name = ?")
                .params(schema, table).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesCallersWithoutAToken() throws Exception {
        HttpResponse<String> reply = get(protectedPath);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.body()).contains("\"code\":\"unauthorized\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

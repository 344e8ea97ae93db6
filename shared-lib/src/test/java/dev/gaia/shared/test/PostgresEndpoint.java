package dev.gaia.shared.test;

/**
 * A PostgreSQL database with the {@code vector} extension, as integration tests reach it.
 *
 * @param jdbcUrl for example {@code jdbc:postgresql://127.0.0.1:25432/gaia}
 * @param username a role that owns the database (and may create schemas in it)
 * @param password its password
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "PostgresEndpoint[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=******]";
    }
}

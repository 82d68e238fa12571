package org.aula.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One real PostgreSQL database per test JVM. Uses the PostgreSQL service on 127.0.0.1:5432 when one is there
 * (CI and developer machines of this project have it; a fresh database is created and dropped at exit), and
 * otherwise starts an embedded PostgreSQL (io.zonky), so a fresh machine needs nothing installed.
 */
public final class TestDatabase {

    private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static volatile String url;
    private static volatile EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (url == null) {
            url = localServerAvailable() ? createLocalDatabase() : startEmbedded();
        }
        return url;
    }

    /**
     * A further fresh database on the same server, dropped when the test JVM exits; for an application started in
     * another JVM (support/AppProcess), which must not share the database of this JVM's Spring contexts. It survives
     * restarts of that application.
     */
    public static synchronized String createDatabase() {
        jdbcUrl();
        return embedded == null ? createLocalDatabase() : createEmbeddedDatabase();
    }

    public static String username() {
        return "postgres";
    }

    private static boolean localServerAvailable() {
        if ("embedded".equals(System.getenv("AULA_TEST_DB"))) {
            return false;
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 300);
        } catch (IOException e) {
            return false;
        }
        try (var c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String createLocalDatabase() {
        String name = "aula_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "");
             var st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database on 127.0.0.1:5432", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "");
                 var st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // best effort: a left-over test database is harmless
            }
        }));
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    private static String createEmbeddedDatabase() {
        String name = "aula_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = embedded.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a database on the embedded PostgreSQL", e);
        }
        return embedded.getJdbcUrl("postgres", name);
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            embedded = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the process is going away anyway
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", e);
        }
    }
}

package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Benchmark of the admin meetings report over 100,000 meetings and 1,000,000 attendance rows (bench/attendance).
 * Not a test: its name does not end in Test, so {@code ./mvnw verify} never runs it. Run it with
 * {@code ./mvnw -q -pl app verify -Dtest=MeetingReportBench -Dsurefire.failIfNoSpecifiedTests=false} (see
 * bench/attendance/README.md). Uses its own database aula_bench_attendance on 127.0.0.1:5432, kept between runs
 * (-Daula.bench.reset=true starts over). Not a subclass of AppTest, whose per-run test database would win over
 * this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test"})
class MeetingReportBench {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String DATABASE = "aula_bench_attendance";
    static final int WARMUP = 10;
    static final int RUNS = 15;

    @DynamicPropertySource
    static void benchDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MeetingReportBench::createDatabase);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("aula.conference.refresh-interval", () -> "1h");
    }

    static synchronized String createDatabase() {
        try (var c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
            if (Boolean.getBoolean("aula.bench.reset")) {
                st.execute("drop database if exists " + DATABASE + " with (force)");
            }
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + DATABASE);
            }
        } catch (Exception e) {
            throw new IllegalStateException("needs the local PostgreSQL on 127.0.0.1:5432", e);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService userDetails;
    MockMvc mvc;

    RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user(userDetails.loadUserByUsername("admin"));
    }

    @Test
    void reportPages() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long loadStart = System.nanoTime();
        String load = Files.readString(Path.of("..", "bench", "attendance", "load.sql"));
        jdbc.sql(load.substring(0, load.lastIndexOf("analyze;"))).update();
        // As after a night of autovacuum: statistics and the visibility map (index-only scans) are current.
        jdbc.sql("vacuum analyze").update();
        System.out.printf("%nData ready in %.1f s: %d meetings, %d attendance rows, %s recordings%n",
                (System.nanoTime() - loadStart) / 1e9,
                jdbc.sql("select count(*) from meeting").query(Long.class).single(),
                jdbc.sql("select count(*) from attendance_interval").query(Long.class).single(),
                jdbc.sql("select count(*) from information_schema.tables where table_name = 'recording'")
                        .query(Long.class).single() > 0
                        ? jdbc.sql("select count(*) from recording").query(Long.class).single() : "no");
        long session = jdbc.sql("select s.id from course_session s join course c on c.id = s.course_id"
                + " where c.code = 'BENCH17' order by s.id limit 1").query(Long.class).single();

        String base = "/admin/videoconference/meetings";
        Map<String, MockHttpServletRequestBuilder> cases = new LinkedHashMap<>();
        cases.put("whole year, page 1", get(base).param("from", "2026-01-01").param("to", "2026-12-31"));
        cases.put("whole year, page 100 (offset 4,950)",
                get(base).param("from", "2026-01-01").param("to", "2026-12-31").param("page", "100"));
        cases.put("whole year, last page (200, offset 9,950)",
                get(base).param("from", "2026-01-01").param("to", "2026-12-31").param("page", "200"));
        cases.put("default range (last 30 days), page 1", get(base));
        cases.put("one course, whole year", get(base).param("course", "BENCH17").param("from", "2026-01-01")
                .param("to", "2026-12-31"));
        cases.put("one course and session, whole year", get(base).param("course", "BENCH17")
                .param("session", Long.toString(session)).param("from", "2026-01-01").param("to", "2026-12-31"));
        cases.put("state open, whole year", get(base).param("state", "OPEN").param("from", "2026-01-01")
                .param("to", "2026-12-31"));
        cases.put("CSV export, one month (~9,000 rows)", get(base + "/export.csv").param("from", "2026-06-01")
                .param("to", "2026-06-30"));
        cases.put("XLSX export, one month (~9,000 rows)", get(base + "/export.xlsx").param("from", "2026-06-01")
                .param("to", "2026-06-30"));

        StringBuilder table = new StringBuilder("| Request | median | p95 | max |\n|---|---|---|---|\n");
        for (var entry : cases.entrySet()) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long start = System.nanoTime();
                var result = mvc.perform(entry.getValue().with(admin())).andExpect(status().isOk()).andReturn();
                double ms = (System.nanoTime() - start) / 1e6;
                assertThat(result.getResponse().getContentAsByteArray()).isNotEmpty();
                if (i >= WARMUP) {
                    millis.add(ms);
                }
            }
            millis.sort(Double::compare);
            table.append(String.format("| %s | %.0f ms | %.0f ms | %.0f ms |%n", entry.getKey(),
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                    millis.getLast()));
        }
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "attendance-bench.md"), table.toString());
    }
}

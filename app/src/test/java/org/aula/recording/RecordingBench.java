package org.aula.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aula.bbb.BbbException;
import org.aula.bbb.CreateMeeting;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.Rooms;
import org.aula.conference.WebSession;
import org.aula.devbbb.DevBbb;
import org.aula.support.AppTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Benchmark (bench/recordings/README.md), skipped unless -Daula.bench=true: 10,000 recorded meetings on the mounted
 * devserver, one full reconciliation (BBB calls counted by the app's Micrometer counter and by the devserver), then
 * the recordings list of that course rendered from the index (latency percentiles, BBB calls during renders).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "aula.bench", matches = "true")
class RecordingBench extends AppTest {

    static final int RECORDINGS = Integer.getInteger("aula.bench.recordings", 10_000);
    static final int RENDERS = Integer.getInteger("aula.bench.renders", 500);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DevBbb devBbb;
    @Autowired
    BbbAccess bbb;
    @Autowired
    Rooms rooms;
    @Autowired
    RecordingRepository repository;
    @Autowired
    RecordingSync sync;
    @Autowired
    MeterRegistry meters;

    double allBbbCalls() {
        return meters.find(BbbAccess.CALLS_METRIC).counters().stream().mapToDouble(Counter::count).sum();
    }

    long devCalls() {
        return devBbb.counters().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void tenThousandRecordings() throws Exception {
        ConferenceFixtures f = new ConferenceFixtures(jdbc, encoder, "bench");
        long roomId = rooms.courseRoom(f.courseId, "Course " + f.code).id();
        RecordingFixtures fixtures = new RecordingFixtures(bbb, devBbb, repository, rooms);
        // A clean devserver: in particular without the attendance feature's global webhook, whose callbacks for
        // 10,000 meetings would flood the app during set-up. This measures the recordings feature alone.
        fixtures.control("reset", Map.of());

        // 1. Recorded meetings on the devserver (create, 2 simulated participants, end), 4 at a time.
        long setupStart = System.nanoTime();
        List<RecordedMeeting> meetings = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<RecordedMeeting>> made = new ArrayList<>();
            long baseId = 9_000_000_000L + System.currentTimeMillis() % 1_000_000L * 100_000L;
            for (int i = 0; i < RECORDINGS; i++) {
                long fakeId = baseId + i;
                made.add(pool.submit(() -> {
                    String id = "bench-" + UUID.randomUUID();
                    // Set-up only: retried, because on a shared 2-core VM a call can exceed the 3 s timeout.
                    retry(() -> bbb.call("create", c -> c.create(CreateMeeting.builder(id, "Lecture").record(true)
                            .build())));
                    fixtures.control("participants/add", Map.of("meetingID", id, "count", "2"));
                    retry(() -> {
                        try {
                            return bbb.call("end", c -> {
                                c.end(id);
                                return null;
                            });
                        } catch (BbbException e) {
                            if (e.isNoSuchMeeting()) {
                                return null; // an earlier attempt ended it
                            }
                            throw e;
                        }
                    });
                    return new RecordedMeeting(fakeId, id, roomId, f.courseId, Instant.now(), Instant.now());
                }));
            }
            for (Future<RecordedMeeting> m : made) {
                RecordedMeeting meeting = m.get();
                repository.addRecordedMeeting(meeting);
                meetings.add(meeting);
            }
        }
        Thread.sleep(6_000); // processing → published (devserver delay 5 s), so every recording has its formats
        System.out.printf("BENCH setup: %d recorded meetings in %d s%n", meetings.size(),
                (System.nanoTime() - setupStart) / 1_000_000_000L);

        // 2. Full reconciliation: index empty for these → everything new.
        double before = bbb.callCount("getRecordings");
        double allBefore = allBbbCalls();
        long devBefore = devCalls();
        long t0 = System.nanoTime();
        RecordingSync.Outcome first = sync.reconcile(meetings);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        // outcome.calls() counts this pass's own calls; the counters also see any other BBB traffic meanwhile
        // (run.sh moves the scheduled reconciliation out of the way so that they agree).
        System.out.printf("BENCH reconcile (first, empty index): %d meetings, %d recordings saved, getRecordings calls"
                        + " of this pass %d (app counter, all calls: %.0f; devserver answered %d), %d ms%n",
                first.meetings(), first.saved(), first.calls(), allBbbCalls() - allBefore, devCalls() - devBefore,
                firstMs);
        assertThat(first.saved()).isEqualTo(RECORDINGS);
        assertThat(first.calls()).isLessThanOrEqualTo((RECORDINGS + 24) / 25);

        before = bbb.callCount("getRecordings");
        t0 = System.nanoTime();
        RecordingSync.Outcome second = sync.reconcile(meetings);
        System.out.printf("BENCH reconcile (steady state): getRecordings calls %d (app counter %.0f), %d ms, %d gone%n",
                second.calls(), bbb.callCount("getRecordings") - before, (System.nanoTime() - t0) / 1_000_000, second.gone());
        assertThat(repository.countOfRoom(roomId, false)).isEqualTo(RECORDINGS);

        // 3. Renders of the list from the index: teacher (all) and student (published only), first and a deep page.
        WebSession teacher = WebSession.login(port, f.teacher, ConferenceFixtures.PASSWORD);
        WebSession student = WebSession.login(port, f.student, ConferenceFixtures.PASSWORD);
        String list = "/courses/" + f.code + "/videoconference/recordings";
        String tool = "/courses/" + f.code + "/videoconference";
        for (int i = 0; i < 50; i++) { // warm-up
            teacher.get(list);
            student.get(tool);
        }
        allBefore = allBbbCalls();
        devBefore = devCalls();
        report("list, teacher, page 1", teacher, list, RENDERS);
        report("list, student, page 1", student, list, RENDERS);
        report("list, teacher, page 250 (deep)", teacher, list + "?page=250", RENDERS);
        report("tool page (shell), student", student, tool, RENDERS);
        report("poll, nothing changed (204)", student, list + "?since=" + repository.versionOfRoom(roomId, true), RENDERS);
        System.out.printf("BENCH BBB calls during %d renders: app %.0f, devserver %d%n", 5 * RENDERS,
                allBbbCalls() - allBefore, devCalls() - devBefore);
        assertThat(allBbbCalls() - allBefore).isZero();
    }

    private static <T> T retry(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (BbbUnavailableException e) {
                if (attempt >= 30) {
                    throw e;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void report(String what, WebSession session, String path, int n) {
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = session.get(path);
            ms[i] = System.nanoTime() - t;
            if (r.statusCode() != 200 && r.statusCode() != 204) {
                throw new IllegalStateException(what + ": HTTP " + r.statusCode());
            }
        }
        Arrays.sort(ms);
        System.out.printf("BENCH %-34s n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, n,
                ms[n / 2] / 1e6, ms[n * 9 / 10] / 1e6, ms[n * 99 / 100] / 1e6, ms[n - 1] / 1e6);
        assertThat(ms[n / 2]).isLessThan(Duration.ofMillis(50).toNanos());
    }
}

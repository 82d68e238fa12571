package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aula.devbbb.DevBbb;
import org.aula.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The waiting room's push: Aula's own state change reaches waiting browsers at once, without any BBB call. */
class WaitingRoomTest extends AppTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DevBbb devBbb;

    @Test
    void waitingStudentsLearnOfTheOpeningWithinTwoSecondsAndCauseNoBbbCalls() throws Exception {
        var f = new ConferenceFixtures(jdbc, encoder, "wait");
        String tool = "/courses/" + f.code + "/videoconference";
        List<WebSession> students = List.of(WebSession.login(port, f.student, ConferenceFixtures.PASSWORD),
                WebSession.login(port, f.sessionStudent, ConferenceFixtures.PASSWORD));

        Map<String, Long> before = Map.copyOf(devBbb.counters());
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        List<Iterator<String>> lines = new ArrayList<>();
        for (WebSession student : students) {
            HttpResponse<Stream<String>> stream = student.stream(tool + "/events");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            streams.add(stream);
            Iterator<String> it = stream.body().iterator();
            lines.add(it);
            assertThat(nextEvent(it, Duration.ofSeconds(5))).isEqualTo("room-closed");
        }
        Thread.sleep(1_000); // waiting
        assertThat(devBbb.counters()).isEqualTo(before);

        WebSession teacher = WebSession.login(port, f.teacher, ConferenceFixtures.PASSWORD);
        long started = System.nanoTime();
        assertThat(teacher.post(tool + "/start").statusCode()).isEqualTo(302);
        for (Iterator<String> it : lines) {
            assertThat(nextEvent(it, Duration.ofSeconds(2))).isEqualTo("room-open");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        // The start's own create is the only BBB call (plus at most one scheduled refresh).
        Map<String, Long> after = devBbb.counters();
        assertThat(after.getOrDefault("create", 0L) - before.getOrDefault("create", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("isMeetingRunning", 0L)).isEqualTo(before.getOrDefault("isMeetingRunning", 0L));

        // A browser that (re)connects after the opening learns it straight away.
        HttpResponse<Stream<String>> late = students.getFirst().stream(tool + "/events");
        assertThat(nextEvent(late.body().iterator(), Duration.ofSeconds(5))).isEqualTo("room-open");

        teacher.post(tool + "/end");
        for (Iterator<String> it : lines) {
            assertThat(nextEvent(it, Duration.ofSeconds(2))).isEqualTo("room-closed");
        }
        streams.forEach(s -> s.body().close());
        late.body().close();
    }

    /** The name of the next event on the stream (comments and data lines skipped). */
    private static String nextEvent(Iterator<String> lines, Duration within) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    return line.substring("event:".length()).strip();
                }
            }
            return "end of stream";
        }).get(within.toMillis(), TimeUnit.MILLISECONDS);
    }
}

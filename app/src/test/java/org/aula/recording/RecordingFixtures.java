package org.aula.recording;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.aula.bbb.CreateMeeting;
import org.aula.bbb.GetRecordings;
import org.aula.bbb.Recording;
import org.aula.bbbaccess.BbbAccess;
import org.aula.conference.Rooms;
import org.aula.devbbb.DevBbb;

/**
 * Recorded meetings made straight on the mounted devserver (create with record=true, simulated participants, end),
 * registered in the recording index's meeting table as the MeetingStarted listener would. No recording-ready URL is
 * set, so nothing reaches the index unless the test says so.
 */
final class RecordingFixtures {

    private static final AtomicLong FAKE_MEETING_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 5_000_000_000L);

    private final BbbAccess bbb;
    private final DevBbb devBbb;
    private final RecordingRepository repository;
    private final Rooms rooms;
    private final HttpClient http = HttpClient.newHttpClient();

    RecordingFixtures(BbbAccess bbb, DevBbb devBbb, RecordingRepository repository, Rooms rooms) {
        this.bbb = bbb;
        this.devBbb = devBbb;
        this.repository = repository;
        this.rooms = rooms;
    }

    /** Makes {@code count} recorded meetings in the course room and waits until BBB published their recordings. */
    List<RecordedMeeting> recordedMeetings(long courseId, String courseTitle, int count) {
        long roomId = rooms.courseRoom(courseId, courseTitle).id();
        List<RecordedMeeting> meetings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "rec-" + UUID.randomUUID();
            bbb.call("create", c -> c.create(CreateMeeting.builder(id, "Lecture " + id.substring(4, 12))
                    .record(true).build()));
            control("participants/add", Map.of("meetingID", id, "count", "2"));
            bbb.call("end", c -> {
                c.end(id);
                return null;
            });
            RecordedMeeting m = new RecordedMeeting(FAKE_MEETING_IDS.incrementAndGet(), id, roomId, courseId,
                    Instant.now(), Instant.now());
            repository.addRecordedMeeting(m);
            meetings.add(m);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                meetings.stream().allMatch(m -> "published".equals(bbbRecording(m).map(Recording::state).orElse(""))));
        return meetings;
    }

    /** The meeting's recording as BBB has it now (any state). */
    java.util.Optional<Recording> bbbRecording(RecordedMeeting m) {
        return bbb.call("getRecordings", c -> c.getRecordings(GetRecordings.builder().meetingIds(m.bbbMeetingId())
                .states("any").build())).recordings().stream().findFirst();
    }

    String control(String operation, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(devBbb.url() + "/control/" + operation))
                    .header("X-Devserver-Secret", devBbb.secret())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("control " + operation + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void fail(String call, int count) {
        control("fail", Map.of("call", call, "mode", "http500", "count", Integer.toString(count)));
    }

    void clearFaults() {
        control("faults/clear", Map.of());
    }

    long devCount(String call) {
        return devBbb.counters().getOrDefault(call, 0L);
    }
}

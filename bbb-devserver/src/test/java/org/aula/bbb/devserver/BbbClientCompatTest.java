package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aula.bbb.BbbClient;
import org.aula.bbb.BbbConfig;
import org.aula.bbb.BbbException;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.bbb.CreateHook;
import org.aula.bbb.CreateMeeting;
import org.aula.bbb.CreateMeetingResponse;
import org.aula.bbb.Document;
import org.aula.bbb.GetRecordings;
import org.aula.bbb.HookCreated;
import org.aula.bbb.JoinMeeting;
import org.aula.bbb.JoinResponse;
import org.aula.bbb.MeetingInfo;
import org.aula.bbb.Recording;
import org.aula.bbb.RecordingsPage;
import org.aula.bbb.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every call of the teammate's BbbClient (org.aula:bbb-client) against this server, with every algorithm. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BbbClientCompatTest {
    DevServerMain server;

    @BeforeAll
    void start() throws Exception {
        server = TestSupport.start(TestSupport.opts());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void everyCall(ChecksumAlgorithm alg) throws Exception {
        BbbClient client = new BbbClient(BbbConfig.builder().serverUrl(server.baseUrl()).secret(TestSupport.SECRET)
                .checksumAlgorithm(alg).build());
        String mid = "client-" + alg + "-" + System.nanoTime();

        assertThat(client.version().apiVersion()).isEqualTo("2.0");

        CreateMeetingResponse created = client.create(CreateMeeting.builder(mid, "Client's meeting (ü) *!~")
                .record(true).meta("course", "Math 101").meta("bbb-origin", "aula")
                .presentation(List.of(Document.fromUrl("https://example.org/a.pdf", "a.pdf"))).build());
        assertThat(created.meetingId()).isEqualTo(mid);
        assertThat(created.isDuplicate()).isFalse();
        assertThat(client.create(CreateMeeting.builder(mid, "again").build()).isDuplicate()).isTrue();
        assertThat(server.core().findMeeting(mid).documents).contains("a.pdf");

        URI joinUrl = client.joinUrl(JoinMeeting.builder(mid, "Mo d'Erator").role(Role.MODERATOR)
                .createTime(created.createTime()).userdata("bbb_custom_style", "x").build());
        HttpResponse<String> redirect = TestSupport.HTTP.send(HttpRequest.newBuilder(joinUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        new TestSupport.Api(server).heartbeat(location);

        JoinResponse join = client.join(JoinMeeting.builder(mid, "Viewer").role(Role.VIEWER).userId("v-1").build());
        assertThat(join.sessionToken()).hasSize(16);
        assertThat(join.url()).contains("/client/join?sessionToken=");
        new TestSupport.Api(server).heartbeat(join.url());

        assertThat(client.isMeetingRunning(mid)).isTrue();
        MeetingInfo info = client.getMeetingInfo(mid);
        assertThat(info.meetingName()).isEqualTo("Client's meeting (ü) *!~");
        assertThat(info.participantCount()).isEqualTo(2);
        assertThat(info.moderatorCount()).isEqualTo(1);
        assertThat(info.metadata()).containsEntry("course", "Math 101");
        assertThat(info.attendees()).hasSize(2);
        assertThat(client.getMeetings()).extracting(MeetingInfo::meetingId).contains(mid);

        client.insertDocument(mid, List.of(Document.fromBytes("b.pdf", new byte[]{'%', 'P', 'D', 'F'})));
        assertThat(server.core().findMeeting(mid).documents).contains("b.pdf");

        HookCreated hook = client.createHook(CreateHook.builder("http://127.0.0.1:9/" + mid).meetingId(mid).build());
        assertThat(client.listHooks(mid)).anyMatch(h -> h.hookId().equals(hook.hookId()));
        assertThat(client.createHook(CreateHook.builder("http://127.0.0.1:9/" + mid).build()).duplicate()).isTrue();
        assertThat(client.destroyHook(hook.hookId())).isTrue();
        assertThat(client.destroyHook(hook.hookId())).isFalse();

        client.end(mid);
        TestSupport.waitUntil("ended", () -> {
            try {
                client.getMeetingInfo(mid);
                return false;
            } catch (BbbException e) {
                return e.isNoSuchMeeting();
            }
        }, 10000);
        assertThat(client.isMeetingRunning(mid)).isFalse();

        TestSupport.waitUntil("recording published", () -> client.getRecordings(GetRecordings.forMeeting(mid)).recordings()
                .stream().anyMatch(r -> r.published()), 3000);
        RecordingsPage page = client.getRecordings(GetRecordings.forMeeting(mid));
        Recording rec = page.recordings().get(0);
        assertThat(rec.recordId()).isEqualTo(created.internalMeetingId());
        assertThat(rec.participants()).isEqualTo(2);
        assertThat(rec.metadata()).containsEntry("course", "Math 101").containsEntry("meetingId", mid);
        assertThat(rec.formats()).isNotEmpty();
        assertThat(client.publishRecordings(List.of(rec.recordId()), false)).isTrue(); // "confirmed"
        assertThat(client.getRecordings(GetRecordings.builder().recordIds(rec.recordId()).build()).recordings())
                .extracting(Recording::state).containsExactly("unpublished");
        assertThat(client.updateRecordings(List.of(rec.recordId()), Map.of("course", "Physics"))).isTrue();
        assertThat(client.getRecordingTextTracks(rec.recordId())).isEmpty();
        assertThat(client.deleteRecordings(List.of(rec.recordId()))).isTrue();

        // a client with the wrong secret gets checksumError
        BbbClient wrong = new BbbClient(BbbConfig.builder().serverUrl(server.baseUrl()).secret("not-the-secret")
                .checksumAlgorithm(alg).build());
        assertThatThrownBy(wrong::getMeetings).isInstanceOfSatisfying(BbbException.class,
                e -> assertThat(e.isChecksumError()).isTrue());
    }
}

package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aula.devbbb.DevBbb;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.settings.VideoconferenceSettingsUpdate;
import org.aula.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** URLs Aula gives to BBB never come from a forged Host header (issue #11), and the demo works under any host name. */
class TrustedUrlsTest extends WebTest {

    @Autowired DevBbb devBbb;
    @Autowired Rooms rooms;
    @Autowired ConferenceService conference;
    @Autowired VideoconferenceSettingsService settings;
    @Autowired org.aula.user.UserRepository users;

    @AfterEach
    void builtInServerAndClosedRoom() {
        useServer(devBbb.url(), devBbb.secret());
        long teacher = users.findByUsername("teacher").orElseThrow().id();
        rooms.roomByContextKey("personal:" + teacher).ifPresent(room -> {
            if (rooms.state(room.id()).open()) {
                conference.end(room);
            }
        });
    }

    @Test
    void withTheBuiltInServerAForgedHostGetsNoCallbackAndTheBrowserStaysOnItsHost() throws Exception {
        var response = mvc.perform(post("http://evil.example/rooms/personal/start").with(as("teacher")).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        String join = response.getRedirectedUrl();
        assertThat(join).startsWith("/devbbb/bigbluebutton/api/join?");
        String meetingId = ConferenceFlowTest.query("http://x" + join).get("meetingID");
        String params = createParams(meetingId);
        assertThat(params).doesNotContain("evil.example");
        assertThat(params).contains(devBbb.appBase() + "/callbacks/meetings/" + meetingId + "/ended?token=")
                .contains(devBbb.appBase() + "/callbacks/recordings/ready")
                // back on whatever host the browser used
                .contains("\"/rooms/personal\"");
    }

    @Test
    void withAnotherServerAnUnknownHostGetsNoMeetingButAClearPage() throws Exception {
        useServer("http://127.0.0.1:9/bigbluebutton/", "an-external-secret-of-enough-length");
        long meetingsBefore = devBbb.counters().getOrDefault("create", 0L);

        var response = mvc.perform(post("http://evil.example/rooms/personal/start").with(as("teacher")).with(csrf())
                        .header("Accept", "text/html"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("id=\"untrusted-host\"").contains("evil.example")
                .contains("aula.allowed-hosts");
        assertThat(devBbb.counters().getOrDefault("create", 0L)).isEqualTo(meetingsBefore);
    }

    private void useServer(String url, String secret) {
        VideoconferenceSettings s = settings.current();
        settings.save(new VideoconferenceSettingsUpdate(true, url, secret, s.checksumAlgorithm(), s.recordingDefault(),
                s.lockCourseSettings(), s.defaultDurationMinutes(), s.welcomeMessage()), null, null);
    }

    private String createParams(String meetingId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(devBbb.url() + "/control/create-params?meetingID=" + meetingId))
                .header("X-Devserver-Secret", devBbb.secret()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}

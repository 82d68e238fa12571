package org.aula.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aula.audit.AuditLog;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.WebSession;
import org.aula.devbbb.DevBbb;
import org.aula.support.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class VideoconferencePluginPageTest extends AppTest {

    static final String PAGE = "/admin/plugins/videoconference";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DevBbb devBbb;
    @Autowired
    VideoconferenceSettingsService settings;
    @Autowired
    AuditLog audit;

    ConferenceFixtures f;
    WebSession admin;
    VideoconferenceSettings before;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "plug");
        admin = WebSession.login(port, f.admin, ConferenceFixtures.PASSWORD);
        before = settings.current();
    }

    @AfterEach
    void restore() {
        settings.save(new VideoconferenceSettingsUpdate(true, devBbb.url(), devBbb.secret(),
                before.checksumAlgorithm(), before.recordingDefault(), before.lockCourseSettings(),
                before.defaultDurationMinutes(), before.welcomeMessage()), null, null);
    }

    @Test
    void theSecretIsWriteOnlyAndNeverRenderedOrLogged(CapturedOutput output) {
        String page = admin.get(PAGE).body();
        assertThat(page).contains("id=\"vc-secret\"").contains("A secret is stored").contains(devBbb.url())
                .doesNotContain(devBbb.secret());
        String stored = jdbc.sql("select value from platform_setting where name = 'videoconference.secret'")
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(devBbb.secret());

        // Saving with an empty secret keeps the stored one.
        admin.post(PAGE, form(true, ""));
        assertThat(settings.current().secret()).isEqualTo(devBbb.secret());
        admin.post(PAGE + "/test", Map.of("serverUrl", devBbb.url(), "secret", "wrong-secret-value",
                "checksumAlgorithm", "SHA256"));
        assertThat(output.getAll()).doesNotContain(devBbb.secret()).doesNotContain("wrong-secret-value");
    }

    @Test
    void testConnectionReportsSuccessAndAWrongSecret() {
        String ok = admin.post(PAGE + "/test", Map.of("serverUrl", devBbb.url(), "secret", "",
                "checksumAlgorithm", "SHA256")).body();
        assertThat(ok).contains("data-outcome=\"OK\"").contains("3.0.0-devserver");
        String wrong = admin.post(PAGE + "/test", Map.of("serverUrl", devBbb.url(), "secret", "nope",
                "checksumAlgorithm", "SHA256")).body();
        assertThat(wrong).contains("data-outcome=\"WRONG_SECRET\"").contains("rejected the shared secret");
    }

    @Test
    void savingTakesEffectAtOnceForTheCourseToolAndIsAudited() {
        WebSession teacher = WebSession.login(port, f.teacher, ConferenceFixtures.PASSWORD);
        assertThat(teacher.get("/courses/" + f.code).body()).contains("id=\"tool-videoconference\"");

        assertThat(admin.post(PAGE, form(false, "")).statusCode()).isEqualTo(302);
        assertThat(teacher.get("/courses/" + f.code).body()).doesNotContain("id=\"tool-videoconference\"");
        assertThat(teacher.get("/courses/" + f.code + "/videoconference").statusCode()).isEqualTo(404);

        admin.post(PAGE, form(true, ""));
        assertThat(teacher.get("/courses/" + f.code).body()).contains("id=\"tool-videoconference\"");
        assertThat(audit.newest(0, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("plugin.videoconference.update");
            assertThat(e.actorName()).isEqualTo(f.admin);
            assertThat(e.details()).contains("videoconference.enabled").doesNotContain(devBbb.secret());
        });
    }

    @Test
    void invalidInputIsExplainedAndNothingIsSaved() {
        var r = admin.post(PAGE, Map.of("enabled", "true", "serverUrl", "ftp://nope", "checksumAlgorithm", "SHA256",
                "defaultDurationMinutes", "300"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"error\"").contains("not valid");
        assertThat(settings.current().serverUrl()).isEqualTo(devBbb.url());
    }

    @Test
    void onlyAdminsReachThePluginPage() {
        for (String user : new String[] {f.teacher, f.student, f.outsider}) {
            WebSession s = WebSession.login(port, user, ConferenceFixtures.PASSWORD);
            assertThat(s.get(PAGE).statusCode()).as(user).isEqualTo(403);
            assertThat(s.post(PAGE, form(false, "x")).statusCode()).as(user).isEqualTo(403);
            assertThat(s.post(PAGE + "/test", Map.of("serverUrl", "http://127.0.0.1:1")).statusCode()).as(user)
                    .isEqualTo(403);
        }
        assertThat(new WebSession(port).get(PAGE).statusCode()).isEqualTo(302);
        assertThat(settings.current().enabled()).isTrue();
    }

    @Test
    void theStoredSecretIsNeverSentToAnotherUrl() throws Exception {
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        var elsewhere = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            String otherUrl = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/bigbluebutton/";
            String answer = admin.post(PAGE + "/test", Map.of("serverUrl", otherUrl, "secret", "",
                    "checksumAlgorithm", "SHA256")).body();
            assertThat(answer).contains("data-outcome=\"SECRET_NEEDED\"").contains("type the shared secret again");
            assertThat(requests.get()).isZero();

            // nor does saving another URL keep the stored secret for it
            var changed = new java.util.HashMap<>(form(true, ""));
            changed.put("serverUrl", otherUrl);
            assertThat(admin.post(PAGE, changed).body()).contains("type the shared secret again");
            assertThat(settings.current().serverUrl()).isEqualTo(devBbb.url());
            assertThat(requests.get()).isZero();
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void cloudMetadataAddressesAreRefused() {
        String answer = admin.post(PAGE + "/test", Map.of("serverUrl", "http://169.254.169.254/bigbluebutton/",
                "secret", "some-secret-typed-here", "checksumAlgorithm", "SHA256")).body();
        assertThat(answer).contains("data-outcome=\"FORBIDDEN_TARGET\"");
    }

    private Map<String, String> form(boolean enabled, String secret) {
        var s = settings.current();
        var map = new java.util.HashMap<String, String>(Map.of("serverUrl", s.serverUrl(), "secret", secret,
                "checksumAlgorithm", s.checksumAlgorithm().name(),
                "defaultDurationMinutes", Integer.toString(s.defaultDurationMinutes()),
                "welcomeMessage", s.welcomeMessage()));
        if (enabled) {
            map.put("enabled", "true");
        }
        return map;
    }
}

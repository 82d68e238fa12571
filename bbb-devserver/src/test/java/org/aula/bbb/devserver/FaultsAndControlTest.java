package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.bbb.devserver.TestSupport.parse;
import static org.aula.bbb.devserver.TestSupport.text;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection, delays, counters and reset through the control API. */
class FaultsAndControlTest {
    DevServerMain server;
    TestSupport.Api api;

    @BeforeEach
    void start() throws Exception {
        server = TestSupport.start(TestSupport.opts());
        api = new TestSupport.Api(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void failModesForNCalls() throws Exception {
        assertThat(api.control("POST", "fail?call=getMeetings&mode=http500&count=2").statusCode()).isEqualTo(200);
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(500);
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(500);
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(200);
        // other calls unaffected
        api.control("POST", "fail?call=getMeetings&mode=html&count=1");
        assertThat(api.call("isMeetingRunning", "meetingID=abc").statusCode()).isEqualTo(200);
        HttpResponse<String> html = api.call("getMeetings", "");
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.body()).contains("<html>");
        api.control("POST", "fail?call=getMeetings&mode=malformed&count=1");
        HttpResponse<String> bad = api.call("getMeetings", "");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> parse(bad.body())).isInstanceOf(org.xml.sax.SAXException.class);
        // the JDK HttpClient retries an idempotent GET once on a dropped connection, so fail two calls
        api.control("POST", "fail?call=getMeetings&mode=reset&count=2");
        assertThatThrownBy(() -> api.call("getMeetings", "")).isInstanceOf(IOException.class);
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(200);
        assertThat(api.control("POST", "fail?mode=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void failForATimeWindowAndForEveryCall() throws Exception {
        api.control("POST", "fail?mode=http500&forMs=2000");
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(500);
        assertThat(api.call("create", "name=Abc&meetingID=abc").statusCode()).isEqualTo(500);
        Thread.sleep(2100);
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(200);
        api.control("POST", "fail?mode=http500&forMs=100000");
        api.control("POST", "faults/clear");
        assertThat(api.call("getMeetings", "").statusCode()).isEqualTo(200);
    }

    @Test
    void slowCalls() throws Exception {
        api.control("POST", "delay?call=isMeetingRunning&ms=3000");
        long t0 = System.nanoTime();
        api.call("isMeetingRunning", "meetingID=abc");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2990);
        t0 = System.nanoTime();
        api.call("getMeetings", "");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
        api.control("POST", "delay?call=isMeetingRunning&ms=0");
        t0 = System.nanoTime();
        api.call("isMeetingRunning", "meetingID=abc");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
    }

    @Test
    void countersAndReset() throws Exception {
        api.create("count-me", "");
        api.call("join", "meetingID=count-me&fullName=A&role=viewer");
        api.call("join", "meetingID=count-me&fullName=B&role=viewer");
        api.call("getMeetingInfo", "meetingID=count-me");
        api.raw("/bigbluebutton/api/nope");
        String counters = api.control("GET", "counters").body();
        assertThat(counters).contains("\"create\":1", "\"join\":2", "\"getMeetingInfo\":1", "\"notFound\":1");
        assertThat(api.control("POST", "counters/reset").statusCode()).isEqualTo(200);
        assertThat(api.control("GET", "counters").body()).isEqualTo("{}");
        assertThat(api.control("GET", "state").body()).contains("\"meetings\":1");
        assertThat(api.control("GET", "reset").statusCode()).isEqualTo(405);
        api.control("POST", "reset");
        assertThat(text(api.xml("getMeetings", ""), "messageKey")).isEqualTo("noMeetings");
        assertThat(api.control("GET", "state").body()).contains("\"meetings\":0", "\"sessions\":0");
    }

    @Test
    void createParamsAsReceived() throws Exception {
        String groups = "[{\"id\":\"1\",\"name\":\"Group A\",\"roster\":[\"7\"]}]";
        String q = "name=Params&meetingID=params-1&groups=" + TestSupport.enc(groups) + "&meta_a=%3Cb%3E";
        String xml = "<modules><module name=\"presentation\"><document url=\"https://e.org/x.pdf\" filename=\"week 1.pdf\"/>"
                + "</module></modules>";
        api.post("/bigbluebutton/api/create?" + TestSupport.sign("create", q, "sha1"), "application/xml",
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String json = api.control("GET", "create-params?meetingID=params-1").body();
        assertThat(json).startsWith("{\"params\":{")
                .contains("\"groups\":\"[{\\\"id\\\":\\\"1\\\",", "\"meetingID\":\"params-1\"", "\"name\":\"Params\"")
                .contains("\"meta_a\":\"\\u003cb\\u003e\"")
                .contains("},\"documents\":[\"week 1.pdf\"]}")
                .doesNotContain("checksum");
        api.xml("end", "meetingID=params-1");
        Thread.sleep(300);
        assertThat(api.control("GET", "create-params?meetingID=params-1").statusCode()).isEqualTo(200);
        assertThat(api.control("GET", "create-params?meetingID=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void joinConnectsUserOption() throws Exception {
        try (DevServerMain s = TestSupport.start(TestSupport.opts().joinConnectsUser(true))) {
            TestSupport.Api a = new TestSupport.Api(s);
            a.create("jcu", "");
            a.call("join", "meetingID=jcu&fullName=A&role=viewer");
            assertThat(text(a.xml("isMeetingRunning", "meetingID=jcu"), "running")).isEqualTo("true");
            assertThat(text(a.xml("getMeetingInfo", "meetingID=jcu"), "participantCount")).isEqualTo("1");
        }
    }
}

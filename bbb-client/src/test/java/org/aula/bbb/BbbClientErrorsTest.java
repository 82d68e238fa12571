package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aula.bbb.StubBbbServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FAILED answers become {@link BbbException}; anything that is not a BBB answer a {@link BbbTransportException}. */
class BbbClientErrorsTest {

    private static final String SECRET = "errors-test-secret-31d8a";

    private StubBbbServer stub;
    private BbbClient client;
    private final List<Throwable> thrown = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stub = StubBbbServer.start(SECRET);
        client = clientWith(b -> b.requestTimeout(Duration.ofSeconds(3)));
    }

    @AfterEach
    void tearDown() {
        stub.close();
        // Whatever went wrong, no message may reveal the secret or a checksum.
        List<String> checksums = stub.received().stream().map(StubBbbServer.Received::rawQuery)
                .filter(q -> q != null && q.contains("checksum="))
                .map(q -> q.substring(q.indexOf("checksum=") + 9)).toList();
        for (Throwable t : thrown) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage()) + c).doesNotContain(SECRET).doesNotContain("checksum=");
                for (String checksum : checksums) {
                    assertThat(String.valueOf(c.getMessage())).doesNotContain(checksum);
                }
            }
        }
    }

    private BbbClient clientWith(Consumer<BbbConfig.Builder> tweak) {
        BbbConfig.Builder b = BbbConfig.builder().serverUrl(stub.serverUrl()).secret(SECRET);
        tweak.accept(b);
        return new BbbClient(b.build());
    }

    private <T extends Throwable> T capture(Class<T> type, Runnable call) {
        T t = catchThrowableOfType(type, call::run);
        assertThat(t).as("expected %s", type.getSimpleName()).isNotNull();
        thrown.add(t);
        return t;
    }

    private BbbTransportException transport(Runnable call) {
        return capture(BbbTransportException.class, call);
    }

    private BbbException failed(Runnable call) {
        return capture(BbbException.class, call);
    }

    private static String failedXml(String key, String message) {
        return "<response><returncode>FAILED</returncode><messageKey>" + key + "</messageKey><message>" + message
                + "</message></response>";
    }

    @Test
    void failedAnswerBecomesBbbExceptionWithKeyAndMessage() {
        stub.respondXml(failedXml("notFound", "A meeting with that ID does not exist"));
        BbbException e = failed(() -> client.getMeetingInfo("room-404"));
        assertThat(e.call()).isEqualTo("getMeetingInfo");
        assertThat(e.messageKey()).isEqualTo("notFound");
        assertThat(e.message()).isEqualTo("A meeting with that ID does not exist");
        assertThat(e.isNoSuchMeeting()).isTrue();
        assertThat(e.isChecksumError()).isFalse();
        assertThat(e.getMessage()).isEqualTo("BBB getMeetingInfo failed: notFound (A meeting with that ID does not exist)");
        assertThat(e).isInstanceOf(BbbClientException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notFound", "invalidMeetingIdentifier", "meetingForciblyEnded"})
    void joinOnAnUnknownMeetingIsNoSuchMeetingWhateverTheKey(String key) {
        stub.respondXml(failedXml(key, "gone"));
        assertThat(failed(() -> client.join(JoinMeeting.builder("room-x", "A").build())).isNoSuchMeeting()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"idNotUnique", "checksumError", "Params required", "maxParticipantsReached"})
    void otherKeysAreNotNoSuchMeeting(String key) {
        stub.respondXml(failedXml(key, "no"));
        BbbException e = failed(() -> client.create(CreateMeeting.builder("room-1", "R").build()));
        assertThat(e.messageKey()).isEqualTo(key);
        assertThat(e.isNoSuchMeeting()).isFalse();
    }

    @Test
    void multiErrorFormat() {
        stub.respondXml("<response><returncode>FAILED</returncode><errors><error><key>nonUniqueVoiceBridge</key>"
                + "<message>The selected voice bridge is already in use.</message></error>"
                + "<error><key>other</key><message>Second</message></error></errors></response>");
        BbbException e = failed(() -> client.create(CreateMeeting.builder("room-1", "R").voiceBridge("70000").build()));
        assertThat(e.messageKey()).isEqualTo("nonUniqueVoiceBridge");
        assertThat(e.message()).isEqualTo("The selected voice bridge is already in use.");
        assertThat(e.errors()).containsExactly(
                new BbbException.Error("nonUniqueVoiceBridge", "The selected voice bridge is already in use."),
                new BbbException.Error("other", "Second"));
        assertThat(e.getMessage()).endsWith("and 1 more");
    }

    @Test
    void failedWithoutAnyKeyStillRaises() {
        stub.respondXml("<response><returncode>FAILED</returncode></response>");
        BbbException e = failed(() -> client.end("room-1"));
        assertThat(e.messageKey()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("BBB end failed: (no messageKey)");
    }

    @Test
    void wrongSecretIsAChecksumError() {
        BbbClient wrong = new BbbClient(BbbConfig.of(stub.serverUrl(), "not-the-secret"));
        BbbException e = failed(wrong::getMeetings);
        assertThat(e.isChecksumError()).isTrue();
        assertThat(stub.last().checksumValid()).isFalse();
    }

    @Test
    void textTrackFailuresInJsonAndXml() {
        stub.respond(r -> Reply.of(200, "application/json",
                "{\"response\":{\"returncode\":\"FAILED\",\"messageKey\":\"noRecordings\",\"message\":\"No recording found for r9\"}}"));
        BbbException json = failed(() -> client.getRecordingTextTracks("r9"));
        assertThat(json.messageKey()).isEqualTo("noRecordings");
        assertThat(json.call()).isEqualTo("getRecordingTextTracks");

        stub.respondXml(failedXml("missingParamRecordID", "You must specify a recordID."));
        assertThat(failed(() -> client.getRecordingTextTracks("r9")).messageKey()).isEqualTo("missingParamRecordID");

        stub.respond(r -> Reply.of(200, "application/json", "{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":"));
        assertThat(transport(() -> client.getRecordingTextTracks("r9")).getMessage())
                .contains("not the expected JSON");
    }

    @Test
    void bbb26JoinErrorsArriveAsRedirectWithErrorsJson() {
        String errors = "%5B%7B%22key%22%3A%22mismatchCreateTimeParam%22%2C%22message%22%3A%22The+createTime+parameter"
                + "+submitted+mismatches+with+the+current+meeting.%22%7D%5D";
        stub.respond(r -> Reply.of(302, null, "").withHeader("Location", "https://host/?errors=" + errors));
        BbbException e = failed(() -> client.join(JoinMeeting.builder("room-1", "A").createTime(1).build()));
        assertThat(e.messageKey()).isEqualTo("mismatchCreateTimeParam");
        assertThat(e.message()).isEqualTo("The createTime parameter submitted mismatches with the current meeting.");
    }

    @Test
    void otherRedirectsAreTransportErrors() {
        stub.respond(r -> Reply.of(301, null, "").withHeader("Location", "https://elsewhere/"));
        BbbTransportException e = transport(client::getMeetings);
        assertThat(e.statusCode()).isEqualTo(301);
        assertThat(e.getMessage()).contains("redirect (HTTP 301)");
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BbbClient dead = new BbbClient(BbbConfig.of("http://127.0.0.1:" + port, SECRET));
        BbbTransportException e = transport(dead::getMeetings);
        assertThat(e.getMessage()).startsWith("BBB server at http://127.0.0.1:" + port
                + "/bigbluebutton/api/getMeetings refused the connection or could not be reached");
        assertThat(e.call()).isEqualTo("getMeetings");
    }

    @Test
    void unreachableServerHitsTheConnectTimeout() throws IOException {
        // A listening socket that never accepts, with its backlog filled: Linux then drops further
        // SYNs, so the next connect hangs exactly like a firewalled host.
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(server.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException full) {
                        s.close();
                        break;
                    }
                }
                BbbClient c = new BbbClient(BbbConfig.builder().serverUrl("http://127.0.0.1:" + server.getLocalPort())
                        .secret(SECRET).connectTimeout(Duration.ofMillis(300)).requestTimeout(Duration.ofSeconds(3))
                        .build());
                BbbTransportException e = transport(c::getMeetings);
                org.junit.jupiter.api.Assumptions.assumeFalse(e.getMessage().contains("refused"),
                        "this kernel refuses instead of dropping SYNs on a full backlog");
                assertThat(e.getMessage()).isEqualTo("BBB server at http://127.0.0.1:" + server.getLocalPort()
                        + "/bigbluebutton/api/getMeetings could not be reached within 300 ms (connect timeout)");
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void slowServerTimesOut() {
        BbbClient impatient = clientWith(b -> b.requestTimeout(Duration.ofMillis(300)));
        stub.respond(r -> Reply.xml(StubBbbServer.SUCCESS).delayed(2000));
        long start = System.nanoTime();
        BbbTransportException e = transport(() -> impatient.isMeetingRunning("room-1"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
        assertThat(e.getMessage()).isEqualTo("BBB server at " + stub.serverUrl()
                + "/bigbluebutton/api/isMeetingRunning did not answer within 300 ms");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(BbbClient.human(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(BbbClient.human(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 404, 401, 201})
    void non200StatusIsTransport(int status) {
        stub.respond(r -> Reply.of(status, "text/plain", "oops"));
        BbbTransportException e = transport(() -> client.end("room-1"));
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.getMessage()).startsWith("BBB server at " + stub.serverUrl() + "/bigbluebutton/api/end answered HTTP "
                + status);
    }

    @Test
    void htmlErrorPageWith200() {
        stub.respond(r -> Reply.of(200, "text/html", "<!DOCTYPE html><html><body>Welcome to nginx</body></html>"));
        assertThat(transport(client::getMeetings).getMessage()).contains("HTML page instead of BBB XML");
        stub.respond(r -> Reply.of(200, "text/xml", "  <html><body>login</body></html>"));
        assertThat(transport(client::getMeetings).getMessage()).contains("HTML page");
    }

    @Test
    void truncatedAndNonXmlBodies() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><meetings><meeting>");
        assertThat(transport(client::getMeetings).getMessage()).contains("is not well-formed XML");
        stub.respond(r -> Reply.of(200, "text/plain", "Service temporarily unavailable"));
        assertThat(transport(client::getMeetings).getMessage()).contains("not well-formed XML");
        stub.respond(r -> Reply.of(200, "text/xml", ""));
        assertThat(transport(client::getMeetings).getMessage()).contains("empty body");
        stub.respondXml("<config><version>1</version></config>");
        assertThat(transport(client::getMeetings).getMessage()).contains("answered with <config> instead of a BBB <response>");
        stub.respondXml("<response><version>2.0</version></response>");
        assertThat(transport(client::getMeetings).getMessage()).contains("without a SUCCESS/FAILED returncode");
    }

    @Test
    void connectionDroppedMidBody() {
        stub.respond(r -> Reply.xml("<response><returncode>SUCCESS</returncode><meetings/></response>").truncatedTo(20));
        BbbTransportException e = transport(client::getMeetings);
        assertThat(e.getMessage()).startsWith("BBB server at " + stub.serverUrl() + "/bigbluebutton/api/getMeetings ");
    }

    @Test
    void bodyOverTheBoundIsRefused() {
        BbbClient bounded = clientWith(b -> b.maxResponseBytes(64 * 1024));
        String big = "<response><returncode>SUCCESS</returncode><meetings>"
                + "<meeting><meetingName>x</meetingName></meeting>".repeat(3000) + "</meetings></response>";
        assertThat(big.length()).isGreaterThan(64 * 1024);
        stub.respondXml(big);
        assertThat(transport(bounded::getMeetings).getMessage()).contains("answered with more than 64 KB");
        // The same body is fine under the default 16 MB bound.
        assertThat(client.getMeetings()).hasSize(3000);
    }

    @Test
    void xxeIsRefused() {
        stub.respondXml("""
                <?xml version="1.0"?>
                <!DOCTYPE response [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <response><returncode>SUCCESS</returncode><running>&xxe;</running></response>""");
        BbbTransportException e = transport(() -> client.isMeetingRunning("room-1"));
        assertThat(e.getMessage()).contains("DTD");
    }

    @Test
    void entityExpansionIsRefused() {
        stub.respondXml("""
                <!DOCTYPE response [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <response><returncode>SUCCESS</returncode><meetings>&b;</meetings></response>""");
        assertThat(transport(client::getMeetings).getMessage()).contains("DTD");
    }

    @Test
    void undeclaredEntityIsRefused() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><running>&xxe;</running></response>");
        assertThat(transport(() -> client.isMeetingRunning("room-1"))).isInstanceOf(BbbTransportException.class);
    }

    @Test
    void exceptionsCarryTheCallAndAreOneHierarchy() {
        stub.respondXml(failedXml("createHookError", "An error happened"));
        BbbClientException e = failed(() -> client.createHook(CreateHook.builder("https://a/1").build()));
        assertThat(e.call()).isEqualTo("hooks/create");
        assertThatThrownBy(() -> client.getMeetingInfo("x")).as("builder checks fail fast, before any request")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void secretNeverInClientToString() {
        assertThat(client.toString()).doesNotContain(SECRET);
        assertThat(client.config().toString()).doesNotContain(SECRET);
        assertThat(new String(client.config().toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("***");
    }
}

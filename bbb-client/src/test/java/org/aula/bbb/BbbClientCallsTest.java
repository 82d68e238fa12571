package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aula.bbb.StubBbbServer.Received;
import org.aula.bbb.StubBbbServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every call of {@link BbbClient} against a stub that verifies checksums over the raw query. */
class BbbClientCallsTest {

    static final String SECRET = "calls-test-secret-7c2e9";
    static final String TRICKY = "Sp!c'ial (chars)* ~ & = + % ; / ? # Grüße 日本 😀";

    private StubBbbServer stub;
    private BbbClient client;

    @BeforeEach
    void setUp() {
        stub = StubBbbServer.start(SECRET);
        client = new BbbClient(BbbConfig.builder().serverUrl(stub.serverUrl()).secret(SECRET)
                .requestTimeout(Duration.ofSeconds(3)).build());
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private Received lastSigned(String call) {
        Received r = stub.last();
        assertThat(r.call()).isEqualTo(call);
        assertThat(r.checksumValid()).as("checksum over the raw query").isTrue();
        return r;
    }

    @Test
    void versionIsTheUnsignedRootCall() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><version>2.0</version><apiVersion>2.0</apiVersion>"
                + "<bbbVersion>3.0.19</bbbVersion><graphqlApiUrl>https://h/api/rest</graphqlApiUrl></response>");
        ApiVersion v = client.version();
        assertThat(v).isEqualTo(new ApiVersion("2.0", "2.0", "3.0.19", "", "https://h/api/rest", ""));
        assertThat(stub.last().call()).isEmpty();
        assertThat(stub.last().rawQuery()).isNull();
        assertThat(stub.last().method()).isEqualTo("GET");
    }

    @Test
    void createSendsParametersInOrderAndParsesTheAnswer() {
        stub.respondXml("""
                <response><returncode>SUCCESS</returncode><meetingID>room-1</meetingID>
                <internalMeetingID>abc-1531155809613</internalMeetingID><parentMeetingID>bbb-none</parentMeetingID>
                <attendeePW>ap</attendeePW><moderatorPW>mp</moderatorPW><createTime>1531155809613</createTime>
                <voiceBridge>70757</voiceBridge><dialNumber>613-555-1234</dialNumber>
                <createDate>Mon Jul 09 17:03:29 UTC 2018</createDate><hasUserJoined>false</hasUserJoined>
                <duration>0</duration><hasBeenForciblyEnded>false</hasBeenForciblyEnded>
                <messageKey></messageKey><message></message></response>""");
        CreateMeetingResponse created = client.create(CreateMeeting.builder("room-1", "Algebra I").record(true)
                .meta("endCallbackUrl", "https://app.example/end?t=1").build());

        Received r = lastSigned("create");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.params()).containsExactly(Map.entry("meetingID", "room-1"), Map.entry("name", "Algebra I"),
                Map.entry("record", "true"), Map.entry("meta_endCallbackUrl", "https://app.example/end?t=1"));
        assertThat(r.rawQuery()).startsWith("meetingID=room-1&name=Algebra%20I&record=true&meta_endCallbackUrl="
                + "https%3A%2F%2Fapp.example%2Fend%3Ft%3D1&checksum=");
        assertThat(r.checksumAlgorithm()).isEqualTo("SHA-256");
        assertThat(created.internalMeetingId()).isEqualTo("abc-1531155809613");
        assertThat(created.createTime()).isEqualTo(1531155809613L);
        assertThat(created.voiceBridge()).isEqualTo("70757");
        assertThat(created.attendeePassword()).isEqualTo("ap");
        assertThat(created.isDuplicate()).isFalse();
        assertThat(created.toString()).doesNotContain("mp").doesNotContain("ap,");
    }

    @Test
    void createWithEveryNamedParameter() {
        client.create(CreateMeeting.builder("room-2", "Every param")
                .welcome("Hi %%CONFNAME%%").moderatorOnlyMessage("mods").record(true).autoStartRecording(false)
                .allowStartStopRecording(true).duration(90).maxParticipants(30).logoutUrl("https://app/out")
                .meetingEndedUrl("https://app/ended").meta("course", "math-101").muteOnStart(true)
                .lockSettingsDisableCam(true).lockSettingsDisableMic(false).lockSettingsDisablePrivateChat(true)
                .lockSettingsDisablePublicChat(false).lockSettingsDisableNotes(true).lockSettingsHideUserList(true)
                .lockSettingsLockOnJoin(true).lockSettingsLockOnJoinConfigurable(false)
                .lockSettingsHideViewersCursor(true).webcamsOnlyForModerator(true)
                .guestPolicy(GuestPolicy.ASK_MODERATOR)
                .groups(List.of(new BreakoutGroup("1", "Team \"A\"", List.of("u1", "u2")),
                        new BreakoutGroup("2", "B", List.of())))
                .disabledFeatures(Set.of("chat")).notifyRecordingIsOn(true)
                .meetingExpireIfNoUserJoinedInMinutes(10).meetingExpireWhenLastUserLeftInMinutes(0)
                .endWhenNoModerator(true).endWhenNoModeratorDelayInMinutes(2)
                .param("meetingLayout", "VIDEO_FOCUS").build());

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("meetingID", "room-2");
        expected.put("name", "Every param");
        expected.put("welcome", "Hi %%CONFNAME%%");
        expected.put("moderatorOnlyMessage", "mods");
        expected.put("record", "true");
        expected.put("autoStartRecording", "false");
        expected.put("allowStartStopRecording", "true");
        expected.put("duration", "90");
        expected.put("maxParticipants", "30");
        expected.put("logoutURL", "https://app/out");
        expected.put("meetingEndedURL", "https://app/ended");
        expected.put("meta_course", "math-101");
        expected.put("muteOnStart", "true");
        expected.put("lockSettingsDisableCam", "true");
        expected.put("lockSettingsDisableMic", "false");
        expected.put("lockSettingsDisablePrivateChat", "true");
        expected.put("lockSettingsDisablePublicChat", "false");
        expected.put("lockSettingsDisableNotes", "true");
        expected.put("lockSettingsHideUserList", "true");
        expected.put("lockSettingsLockOnJoin", "true");
        expected.put("lockSettingsLockOnJoinConfigurable", "false");
        expected.put("lockSettingsHideViewersCursor", "true");
        expected.put("webcamsOnlyForModerator", "true");
        expected.put("guestPolicy", "ASK_MODERATOR");
        expected.put("groups", "[{\"id\":\"1\",\"name\":\"Team \\\"A\\\"\",\"roster\":[\"u1\",\"u2\"]},"
                + "{\"id\":\"2\",\"name\":\"B\",\"roster\":[]}]");
        expected.put("disabledFeatures", "chat");
        expected.put("notifyRecordingIsOn", "true");
        expected.put("meetingExpireIfNoUserJoinedInMinutes", "10");
        expected.put("meetingExpireWhenLastUserLeftInMinutes", "0");
        expected.put("endWhenNoModerator", "true");
        expected.put("endWhenNoModeratorDelayInMinutes", "2");
        expected.put("meetingLayout", "VIDEO_FOCUS");
        assertThat(lastSigned("create").params()).containsExactlyEntriesOf(expected);
    }

    @Test
    void createWithPresentationPostsModulesAndKeepsParametersInTheSignedQuery() throws Exception {
        client.create(CreateMeeting.builder("room-3", "With slides").record(false)
                .presentation(List.of(Document.fromUrl("https://cdn.example/a.pdf", "a.pdf").withCurrent(true),
                        Document.fromBytes("b.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                                .withDownloadable(true).withRemovable(false)))
                .build());
        Received r = lastSigned("create");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.contentType()).startsWith("application/xml");
        assertThat(r.params()).containsExactly(Map.entry("meetingID", "room-3"), Map.entry("name", "With slides"),
                Map.entry("record", "false"));
        org.w3c.dom.Document body = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body()));
        Element module = (Element) body.getElementsByTagName("module").item(0);
        assertThat(module.getAttribute("name")).isEqualTo("presentation");
        NodeList docs = module.getElementsByTagName("document");
        assertThat(docs.getLength()).isEqualTo(2);
        Element first = (Element) docs.item(0);
        assertThat(first.getAttribute("url")).isEqualTo("https://cdn.example/a.pdf");
        assertThat(first.getAttribute("filename")).isEqualTo("a.pdf");
        assertThat(first.getAttribute("current")).isEqualTo("true");
        assertThat(first.hasAttribute("downloadable")).isFalse();
        Element second = (Element) docs.item(1);
        assertThat(second.getAttribute("name")).isEqualTo("b.pdf");
        assertThat(second.getAttribute("downloadable")).isEqualTo("true");
        assertThat(second.getAttribute("removable")).isEqualTo("false");
        assertThat(second.getTextContent()).isEqualTo("JVBERi0xLjQ=");
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void trickyValuesSurviveTheRoundTripWithEveryAlgorithm(ChecksumAlgorithm algorithm) {
        BbbClient c = new BbbClient(client.config().toBuilder().checksumAlgorithm(algorithm).build());
        c.create(CreateMeeting.builder("room'(1)*!", TRICKY).welcome(TRICKY).meta("note", TRICKY)
                .param("bannerText", "a+b c%20d").build());
        Received r = lastSigned("create");
        assertThat(r.checksumAlgorithm()).isEqualTo(algorithm.jcaName());
        assertThat(r.params()).containsEntry("meetingID", "room'(1)*!").containsEntry("name", TRICKY)
                .containsEntry("welcome", TRICKY).containsEntry("meta_note", TRICKY)
                .containsEntry("bannerText", "a+b c%20d");
        // The bytes on the wire are ours: RFC 3986 escapes, %20 for space, nothing re-encoded.
        assertThat(r.rawQuery()).startsWith("meetingID=room%27%281%29%2A%21&name=Sp%21c%27ial%20%28chars%29%2A%20~%20")
                .contains("%F0%9F%98%80").doesNotContain("+").doesNotContain(" ");
    }

    @Test
    void joinUrlIsSignedAndAcceptedAsSent() throws Exception {
        JoinMeeting join = JoinMeeting.builder("room-1", "Ada O'Neil (TA)").role(Role.MODERATOR).userId("u-42")
                .createTime(1531155809613L).avatarUrl("https://app/a.png").errorRedirectUrl("https://app/err")
                .guest(false).userdata("bbb_custom_style", "a:focus{color:#0181eb}").build();
        URI url = client.joinUrl(join);

        assertThat(stub.received()).as("joinUrl makes no request").isEmpty();
        String s = url.toString();
        assertThat(s).startsWith(stub.serverUrl() + "/bigbluebutton/api/join?meetingID=room-1&fullName=Ada%20O%27Neil"
                + "%20%28TA%29&role=MODERATOR&userID=u-42&createTime=1531155809613&avatarURL=");
        String query = s.substring(s.indexOf('?') + 1, s.lastIndexOf("&checksum="));
        String checksum = s.substring(s.lastIndexOf('=') + 1);
        assertThat(checksum).isEqualTo(StubBbbServer.hex("SHA-256", "join" + query + SECRET));
        assertThat(url.getRawQuery()).doesNotContain("redirect");

        // A browser following the URL sends the same bytes; the stub must accept them.
        stub.respond(rq -> Reply.of(302, null, "").withHeader("Location", "https://h/html5client/join?sessionToken=x"));
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        Received r = lastSigned("join");
        assertThat(r.params()).containsEntry("fullName", "Ada O'Neil (TA)").containsEntry("guest", "false")
                .containsEntry("errorRedirectUrl", "https://app/err")
                .containsEntry("userdata-bbb_custom_style", "a:focus{color:#0181eb}");
    }

    @Test
    void joinUsesRedirectFalseAndParsesTheSession() {
        stub.respondXml("""
                <response><returncode>SUCCESS</returncode><messageKey>successfullyJoined</messageKey>
                <message>You have joined successfully.</message>
                <meeting_id>640ab2-1531155809613</meeting_id><user_id>w_euxnssffnsbs</user_id>
                <auth_token>14mm5y3eurjw</auth_token><session_token>ai1wqj8wb6s7rnk0</session_token>
                <guestStatus>ALLOW</guestStatus><url>https://host/html5client/join?sessionToken=ai1wqj8wb6s7rnk0</url>
                </response>""");
        JoinResponse joined = client.join(JoinMeeting.builder("room-1", "Bob").build());
        Received r = lastSigned("join");
        assertThat(r.params()).containsExactly(Map.entry("meetingID", "room-1"), Map.entry("fullName", "Bob"),
                Map.entry("role", "VIEWER"), Map.entry("redirect", "false"));
        assertThat(joined).isEqualTo(new JoinResponse("640ab2-1531155809613", "w_euxnssffnsbs", "14mm5y3eurjw",
                "ai1wqj8wb6s7rnk0", "ALLOW", "https://host/html5client/join?sessionToken=ai1wqj8wb6s7rnk0",
                "successfullyJoined", "You have joined successfully."));
        assertThat(joined.toString()).doesNotContain("ai1wqj8wb6s7rnk0").doesNotContain("14mm5y3eurjw");
    }

    @Test
    void isMeetingRunning() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><running>true</running></response>");
        assertThat(client.isMeetingRunning("room-1")).isTrue();
        assertThat(lastSigned("isMeetingRunning").params()).containsExactly(Map.entry("meetingID", "room-1"));
        stub.respondXml("<response><returncode>SUCCESS</returncode><running>false</running></response>");
        assertThat(client.isMeetingRunning("room-1")).isFalse();
    }

    static final String MEETING_INFO = """
            <response>
              <returncode>SUCCESS</returncode>
              <meetingName>Anton G's Room</meetingName>
              <meetingID>gbesu6dht08uobpislzqxsizjzihn87cmewqyacs</meetingID>
              <internalMeetingID>a0715c95000a2bcb90604ecc7097dbc94592c690-1715261728123</internalMeetingID>
              <createTime>1715261728123</createTime>
              <createDate>Thu May 09 13:35:28 UTC 2024</createDate>
              <voiceBridge>66052</voiceBridge>
              <dialNumber>613-555-1234</dialNumber>
              <attendeePW>1umEM3ic</attendeePW>
              <moderatorPW>V91JirCa</moderatorPW>
              <running>true</running>
              <duration>0</duration>
              <hasUserJoined>true</hasUserJoined>
              <recording>true</recording>
              <hasBeenForciblyEnded>false</hasBeenForciblyEnded>
              <startTime>1715261728142</startTime>
              <endTime>0</endTime>
              <participantCount>1</participantCount>
              <listenerCount>0</listenerCount>
              <voiceParticipantCount>1</voiceParticipantCount>
              <videoCount>1</videoCount>
              <maxUsers>0</maxUsers>
              <moderatorCount>1</moderatorCount>
              <attendees>
                <attendee>
                  <userID>w_ftcrsyuh44oj</userID>
                  <fullName>Anton G</fullName>
                  <role>MODERATOR</role>
                  <isPresenter>true</isPresenter>
                  <isListeningOnly>false</isListeningOnly>
                  <hasJoinedVoice>true</hasJoinedVoice>
                  <hasVideo>true</hasVideo>
                  <clientType>HTML5</clientType>
                  <customdata><bbb_custom_style><![CDATA[a>b]]></bbb_custom_style></customdata>
                  <somethingNew>ignored</somethingNew>
                </attendee>
              </attendees>
              <metadata>
                <bbb-origin>greenlight</bbb-origin>
                <endcallbackurl>https://app.example/meeting_ended</endcallbackurl>
              </metadata>
              <isBreakout>false</isBreakout>
              <breakoutRooms><breakout>room-1-b1</breakout><breakout>room-1-b2</breakout></breakoutRooms>
            </response>""";

    @Test
    void getMeetingInfoMapsEveryField() {
        stub.respondXml(MEETING_INFO);
        MeetingInfo m = client.getMeetingInfo("gbesu6dht08uobpislzqxsizjzihn87cmewqyacs");
        assertThat(lastSigned("getMeetingInfo").params())
                .containsExactly(Map.entry("meetingID", "gbesu6dht08uobpislzqxsizjzihn87cmewqyacs"));
        assertThat(m.meetingName()).isEqualTo("Anton G's Room");
        assertThat(m.internalMeetingId()).isEqualTo("a0715c95000a2bcb90604ecc7097dbc94592c690-1715261728123");
        assertThat(m.createTime()).isEqualTo(1715261728123L);
        assertThat(m.createDate()).isEqualTo("Thu May 09 13:35:28 UTC 2024");
        assertThat(m.voiceBridge()).isEqualTo("66052");
        assertThat(m.running()).isTrue();
        assertThat(m.hasUserJoined()).isTrue();
        assertThat(m.recording()).isTrue();
        assertThat(m.hasBeenForciblyEnded()).isFalse();
        assertThat(m.startTime()).isEqualTo(1715261728142L);
        assertThat(m.endTime()).isZero();
        assertThat(m.participantCount()).isEqualTo(1);
        assertThat(m.voiceParticipantCount()).isEqualTo(1);
        assertThat(m.videoCount()).isEqualTo(1);
        assertThat(m.moderatorCount()).isEqualTo(1);
        assertThat(m.attendees()).containsExactly(new Attendee("w_ftcrsyuh44oj", "Anton G", "MODERATOR", true, false,
                true, true, "HTML5", Map.of("bbb_custom_style", "a>b")));
        assertThat(m.attendees().getFirst().isModerator()).isTrue();
        assertThat(m.metadata()).containsOnly(Map.entry("bbb-origin", "greenlight"),
                Map.entry("endcallbackurl", "https://app.example/meeting_ended"));
        assertThat(m.isBreakout()).isFalse();
        assertThat(m.breakoutRooms()).containsExactly("room-1-b1", "room-1-b2");
        assertThatThrownBy(() -> m.attendees().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getMeetingsListsAllAndEmptyIsEmpty() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><meetings>"
                + "<meeting><meetingName>A</meetingName><meetingID>a1</meetingID><running>true</running></meeting>"
                + "<meeting><meetingName>B</meetingName><meetingID>b1</meetingID><isBreakout>true</isBreakout>"
                + "<parentMeetingID>p-1</parentMeetingID><sequence>2</sequence><freeJoin>true</freeJoin></meeting>"
                + "</meetings></response>");
        List<MeetingInfo> meetings = client.getMeetings();
        Received r = lastSigned("getMeetings");
        assertThat(r.rawQuery()).as("no parameters: only the checksum").matches("checksum=[0-9a-f]{64}");
        assertThat(meetings).extracting(MeetingInfo::meetingId).containsExactly("a1", "b1");
        assertThat(meetings.get(0).running()).isTrue();
        assertThat(meetings.get(0).attendees()).isEmpty();
        assertThat(meetings.get(1).isBreakout()).isTrue();
        assertThat(meetings.get(1).parentMeetingId()).isEqualTo("p-1");
        assertThat(meetings.get(1).sequence()).isEqualTo(2);
        assertThat(meetings.get(1).freeJoin()).isTrue();

        stub.respondXml("<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey>"
                + "<message>no meetings were found on this server</message></response>");
        assertThat(client.getMeetings()).isEmpty();
    }

    @Test
    void endSendsTheMeetingId() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><messageKey>sentEndMeetingRequest</messageKey>"
                + "<message>A request to end the meeting was sent.</message></response>");
        client.end("room-9");
        assertThat(lastSigned("end").params()).containsExactly(Map.entry("meetingID", "room-9"));
    }

    @Test
    void insertDocumentPostsModules() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><message>Presentation is being uploaded</message>"
                + "</response>");
        client.insertDocument("room-1", List.of(Document.fromUrl("https://cdn.example/x.pdf")));
        Received r = lastSigned("insertDocument");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.params()).containsExactly(Map.entry("meetingID", "room-1"));
        assertThat(r.bodyText()).contains("<module name=\"presentation\"><document url=\"https://cdn.example/x.pdf\"/>");
        assertThatIllegalArgumentException().isThrownBy(() -> client.insertDocument("room-1", List.of()));
    }

    @Test
    void getRecordingsSendsFiltersAndParsesFormatsAndPagination() {
        stub.respondXml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <response><returncode>SUCCESS</returncode><recordings><recording>
                  <recordID>ffbf-1530718721124</recordID><meetingID>c637</meetingID>
                  <internalMeetingID>ffbf-1530718721124</internalMeetingID><name><![CDATA[Fred's Room]]></name>
                  <isBreakout>false</isBreakout><published>true</published><state>published</state>
                  <startTime>1530718721124</startTime><endTime>1530718810456</endTime><participants>3</participants>
                  <rawSize>7219530</rawSize>
                  <metadata><meetingName>Fred's Room</meetingName><course>%math%</course></metadata>
                  <breakout><parentId>x</parentId></breakout>
                  <playback>
                    <format><type>presentation</type><url>https://h/playback/presentation/2.3/ffbf</url>
                      <processingTime>7177</processingTime><length>12</length><size>2048</size>
                      <preview><images><image alt="Welcome to" height="136" width="176">https://h/t1.png</image></images></preview>
                    </format>
                    <format><type>podcast</type><url>https://h/podcast/audio.ogg</url></format>
                  </playback>
                </recording></recordings>
                <pagination><pageable><offset>20</offset><limit>10</limit><paged>true</paged><unpaged>false</unpaged>
                </pageable><totalElements>57</totalElements><empty>false</empty></pagination></response>""");
        RecordingsPage page = client.getRecordings(GetRecordings.builder().meetingIds("c637", "d1")
                .recordIds(List.of("ffbf")).states("published", "unpublished").meta("course", "%math%")
                .offset(20).limit(10).build());
        assertThat(lastSigned("getRecordings").params()).containsExactly(Map.entry("meetingID", "c637,d1"),
                Map.entry("recordID", "ffbf"), Map.entry("state", "published,unpublished"),
                Map.entry("meta_course", "%math%"), Map.entry("offset", "20"), Map.entry("limit", "10"));
        assertThat(page.pagination()).contains(new Pagination(20, 10, 57));
        Recording rec = page.recordings().getFirst();
        assertThat(rec).isEqualTo(new Recording("ffbf-1530718721124", "c637", "ffbf-1530718721124", "Fred's Room",
                false, true, "published", 1530718721124L, 1530718810456L, 3, 7219530L,
                Map.of("meetingName", "Fred's Room", "course", "%math%"),
                List.of(new PlaybackFormat("presentation", "https://h/playback/presentation/2.3/ffbf", 7177, 12, 2048,
                                List.of(new PreviewImage("https://h/t1.png", "Welcome to", 176, 136))),
                        new PlaybackFormat("podcast", "https://h/podcast/audio.ogg", 0, 0, 0, List.of()))));
    }

    @Test
    void getRecordingsWithoutResultsOrPagination() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><recordings></recordings>"
                + "<messageKey>noRecordings</messageKey><message>There are no recordings.</message></response>");
        RecordingsPage page = client.getRecordings(GetRecordings.builder().build());
        assertThat(lastSigned("getRecordings").params()).isEmpty();
        assertThat(page.recordings()).isEmpty();
        assertThat(page.pagination()).isEmpty();
    }

    @Test
    void publishUpdateDelete() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><published>false</published></response>");
        assertThat(client.publishRecordings(List.of("r1", "r2"), false)).isTrue();
        assertThat(lastSigned("publishRecordings").params()).containsExactly(Map.entry("recordID", "r1,r2"),
                Map.entry("publish", "false"));
        stub.respondXml("<response><returncode>SUCCESS</returncode><published>true</published></response>");
        assertThat(client.publishRecordings(List.of("r1"), false)).as("server echoed the other state").isFalse();

        stub.respondXml("<response><returncode>SUCCESS</returncode><updated>true</updated></response>");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("title", "Week 1 & 2");
        meta.put("obsolete", "");
        assertThat(client.updateRecordings(List.of("r1"), meta)).isTrue();
        assertThat(lastSigned("updateRecordings").params()).containsExactly(Map.entry("recordID", "r1"),
                Map.entry("meta_title", "Week 1 & 2"), Map.entry("meta_obsolete", ""));
        assertThat(stub.last().rawQuery()).contains("&meta_obsolete=&checksum=");

        stub.respondXml("<response><returncode>SUCCESS</returncode><deleted>true</deleted></response>");
        assertThat(client.deleteRecordings(List.of("r3"))).isTrue();
        assertThat(lastSigned("deleteRecordings").params()).containsExactly(Map.entry("recordID", "r3"));

        assertThatIllegalArgumentException().isThrownBy(() -> client.deleteRecordings(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> client.deleteRecordings(List.of("a,b")));
    }

    @Test
    void getRecordingTextTracksParsesJson() {
        stub.respond(r -> Reply.of(200, "application/json", """
                {"response":{"returncode":"SUCCESS","tracks":[{"href":"https://h/captions/r1/subtitles_en-US.vtt",
                "kind":"subtitles","label":"English \\"US\\" \\u00e9","lang":"en-US","source":"upload"}]}}"""));
        List<TextTrack> tracks = client.getRecordingTextTracks("r1");
        assertThat(lastSigned("getRecordingTextTracks").params()).containsExactly(Map.entry("recordID", "r1"));
        assertThat(tracks).containsExactly(new TextTrack("https://h/captions/r1/subtitles_en-US.vtt", "subtitles",
                "English \"US\" é", "en-US", "upload"));
    }

    @Test
    void hooks() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><hookID>7</hookID>"
                + "<permanentHook>false</permanentHook><rawData>true</rawData></response>");
        HookCreated created = client.createHook(CreateHook.builder("https://app.example/hook?x=1&y=2")
                .meetingId("room-1").eventIds("meeting-created", "user-joined").getRaw(true).build());
        assertThat(created).isEqualTo(new HookCreated("7", false, true, false));
        assertThat(lastSigned("hooks/create").params()).containsExactly(
                Map.entry("callbackURL", "https://app.example/hook?x=1&y=2"), Map.entry("meetingID", "room-1"),
                Map.entry("eventID", "meeting-created,user-joined"), Map.entry("getRaw", "true"));

        stub.respondXml("""
                <response><returncode>SUCCESS</returncode><hooks>
                <hook><hookID>1</hookID><callbackURL><![CDATA[https://a/1]]></callbackURL>
                <meetingID><![CDATA[room-1]]></meetingID><eventID>user-joined</eventID>
                <permanentHook>false</permanentHook><rawData>false</rawData></hook>
                <hook><hookID>2</hookID><callbackURL><![CDATA[https://a/2]]></callbackURL>
                <permanentHook>true</permanentHook><rawData>false</rawData></hook></hooks></response>""");
        List<Hook> hooks = client.listHooks("room-1");
        assertThat(lastSigned("hooks/list").params()).containsExactly(Map.entry("meetingID", "room-1"));
        assertThat(hooks).containsExactly(new Hook("1", "https://a/1", "room-1", "user-joined", false, false),
                new Hook("2", "https://a/2", "", "", true, false));
        assertThat(hooks.get(1).isGlobal()).isTrue();
        client.listHooks(null);
        assertThat(lastSigned("hooks/list").params()).isEmpty();

        stub.respondXml("<response><returncode>SUCCESS</returncode><removed>true</removed></response>");
        assertThat(client.destroyHook("7")).isTrue();
        assertThat(lastSigned("hooks/destroy").params()).containsExactly(Map.entry("hookID", "7"));
        stub.respondXml("<response><returncode>FAILED</returncode><messageKey>destroyMissingHook</messageKey>"
                + "<message>The hook informed was not found.</message></response>");
        assertThat(client.destroyHook("8")).isFalse();
    }

    @Test
    void duplicateHookIsReported() {
        stub.respondXml("<response><returncode>SUCCESS</returncode><hookID>1</hookID>"
                + "<messageKey>duplicateWarning</messageKey><message>There is already a hook.</message></response>");
        assertThat(client.createHook(CreateHook.builder("https://a/1").build()).duplicate()).isTrue();
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        stub.respond(r -> Reply.xml("<response><returncode>SUCCESS</returncode><running>"
                + r.params().get("meetingID").endsWith("even") + "</running></response>"));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "room-" + i + (i % 2 == 0 ? "-even" : "-odd");
                results.add(pool.submit(() -> client.isMeetingRunning(id) == id.endsWith("even")));
            }
            for (var f : results) {
                assertThat(f.get()).isTrue();
            }
        }
        assertThat(stub.received()).hasSize(40).allSatisfy(r -> assertThat(r.checksumValid()).isTrue());
    }

    @Test
    void worksWithAnInjectedHttpClient() {
        BbbClient injected = new BbbClient(client.config(), HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build());
        stub.respondXml("<response><returncode>SUCCESS</returncode><running>true</running></response>");
        assertThat(injected.isMeetingRunning("room-1")).isTrue();
        assertThat(lastSigned("isMeetingRunning").params()).containsExactly(Map.entry("meetingID", "room-1"));
    }

    @Test
    void signedUrlForCallsWithoutAMethod() {
        URI url = client.signedUrl("sendChatMessage", Map.of("meetingID", "room-1"));
        assertThat(url.toString()).startsWith(stub.serverUrl() + "/bigbluebutton/api/sendChatMessage?meetingID=room-1&checksum=");
        assertThat(url.getRawQuery()).endsWith(StubBbbServer.hex("SHA-256", "sendChatMessagemeetingID=room-1" + SECRET));
        assertThatIllegalArgumentException().isThrownBy(() -> client.signedUrl("end", Map.of("checksum", "x")));
        assertThatIllegalArgumentException().isThrownBy(() -> client.signedUrl("end?x=1", Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> client.signedUrl("../admin", Map.of()));
        assertThat(client.signedUrl("hooks/list", Map.of()).getRawPath()).endsWith("/bigbluebutton/api/hooks/list");
    }
}

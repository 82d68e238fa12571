package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aula.bbb.StubBbbServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every file of the shared fixture collection (reference §12) through the real client: the
 * stub server answers the call with the file's bytes, and the table below says what the client must
 * make of it. A file missing from the table fails the test, so nothing is skipped silently.
 */
class FixtureConformanceTest {

    /** {@code ../../shared/bbb-fixtures} relative to the module directory (surefire's {@code basedir}). */
    static final Path FIXTURES = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "bbb-fixtures")
            .toAbsolutePath().normalize();

    private static final String SECRET = "fixture-test-secret-90aa";

    @FunctionalInterface
    interface Check {
        void run(BbbClient client) throws Exception;
    }

    private static StubBbbServer stub;
    private static BbbClient client;

    @BeforeAll
    static void start() {
        stub = StubBbbServer.start(SECRET);
        client = new BbbClient(BbbConfig.of(stub.serverUrl(), SECRET));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    // ------------------------------------------------------------------ the table

    private static final Map<String, Check> RESPONSES = new LinkedHashMap<>();
    /** {@code <modules>} request bodies; checked against {@link ModulesXml} instead. */
    private static final Set<String> REQUEST_BODIES = Set.of(
            "bigbluebutton-api-php/insert_document_case_1.xml",
            "bigbluebutton-api-php/insert_document_case_2.xml",
            "bigbluebutton-api-php/insert_document_case_3.xml",
            "bigbluebutton-api-php/insert_document_presentations_with_filenames.xml",
            "bigbluebutton-api-php/insert_document_presentations_with_filenames_and_options.xml",
            "bigbluebutton-api-php/requests/insert_document_presentations.xml",
            "bigbluebutton-api-php/requests/insert_document_presentations_with_options.xml",
            "bigbluebutton-api-php/requests/presentation_with_embedded_file.xml",
            "bigbluebutton-api-php/requests/presentation_with_file.xml",
            "bigbluebutton-api-php/requests/presentation_with_filename.xml",
            "bigbluebutton-api-php/requests/presentation_with_url.xml",
            "littleredbutton-bigbluebutton-api-php/client_settings.xml",
            "littleredbutton-bigbluebutton-api-php/insert_document_presentations.xml",
            "littleredbutton-bigbluebutton-api-php/presentation_with_embedded_file.xml",
            "littleredbutton-bigbluebutton-api-php/presentation_with_filename.xml",
            "littleredbutton-bigbluebutton-api-php/presentation_with_url.xml");

    private static void expect(Check check, String... files) {
        for (String f : files) {
            RESPONSES.put(f, check);
        }
    }

    private static Check failsWith(String key, Check call) {
        return c -> {
            BbbException e = catchThrowableOfType(BbbException.class, () -> call.run(c));
            assertThat(e).as("FAILED answer").isNotNull();
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.message()).isNotBlank();
        };
    }

    private static final String PHP = "bigbluebutton-api-php/responses/";
    private static final String LRB = "littleredbutton-bigbluebutton-api-php/";
    private static final String RIA = "riadvice-bigbluebutton-api-node/";

    static {
        expect(c -> assertThat(c.version()).isEqualTo(new ApiVersion("2.0", "2.0", "3.0.19",
                "wss://bigbluebutton.server.com/graphql", "https://bigbluebutton.server.com/api/rest", "0.0.95")),
                PHP + "api_version.xml");
        expect(c -> assertThat(c.version()).isEqualTo(new ApiVersion("2.0", "2.0", "2.4-rc-7", "", "", "")),
                LRB + "api_version.xml");
        expect(c -> assertThat(c.version()).isEqualTo(new ApiVersion("2.0", "", "", "", "", "")),
                RIA + "versionData.xml");

        expect(c -> {
            CreateMeetingResponse r = c.create(CreateMeeting.builder("random-1665177", "x1").build());
            assertThat(r.meetingId()).isEqualTo("random-1665177");
            assertThat(r.internalMeetingId()).isEqualTo("1a6938c707cdf5d052958672d66c219c30690c47-1524212045514");
            assertThat(r.parentMeetingId()).isEqualTo("bbb-none");
            assertThat(r.createTime()).isEqualTo(1453283819419L);
            assertThat(r.voiceBridge()).isEqualTo("76286");
            assertThat(r.dialNumber()).isEqualTo("613-555-1234");
            assertThat(r.createDate()).isEqualTo("Wed Jan 20 04:56:59 EST 2016");
            assertThat(r.duration()).isEqualTo(20);
            assertThat(r.hasUserJoined()).isFalse();
            assertThat(r.isDuplicate()).isTrue();
        }, PHP + "create_meeting.xml", LRB + "create_meeting.xml", RIA + "createMeetingData.xml");
        expect(failsWith("idNotUnique", c -> c.create(CreateMeeting.builder("m1", "x1").build())),
                LRB + "create_meeting_not_unique_error.xml");

        expect(c -> assertThat(c.deleteRecordings(List.of("r1"))).isTrue(),
                PHP + "delete_recordings.xml", LRB + "delete_recordings.xml", RIA + "deleteRecordingsData.xml");
        expect(failsWith("notFound", c -> c.deleteRecordings(List.of("r1"))), PHP + "delete_recordings_not_found.xml");
        expect(c -> assertThat(c.publishRecordings(List.of("r1"), true)).isTrue(),
                PHP + "publish_recordings.xml", LRB + "publish_recordings.xml", RIA + "publishRecordingsData.xml");
        expect(failsWith("notFound", c -> c.publishRecordings(List.of("r1"), true)),
                PHP + "publish_recordings_not_found.xml", LRB + "not_found_error.xml");
        expect(c -> assertThat(c.updateRecordings(List.of("r1"), Map.of("a", "b"))).isTrue(),
                PHP + "update_recordings.xml", LRB + "update_recordings.xml", RIA + "updateRecordingsData.xml");
        expect(failsWith("notFound", c -> c.updateRecordings(List.of("r1"), Map.of())),
                PHP + "update_recordings_not_found.xml");

        expect(c -> c.end("m1"), PHP + "end_meeting.xml", LRB + "end_meeting.xml", RIA + "endMeetingData.xml");
        expect(c -> c.insertDocument("m1", List.of(Document.fromUrl("https://a/b.pdf"))),
                PHP + "insert_document.xml", LRB + "insert_document.xml");
        expect(c -> assertThat(c.isMeetingRunning("m1")).isTrue(),
                PHP + "is_meeting_running.xml", LRB + "is_meeting_running.xml", RIA + "isMeetingRunningData.xml");

        expect(c -> assertThat(c.join(JoinMeeting.builder("m1", "A").build())).isEqualTo(new JoinResponse(
                "fa51ae0c65adef7fe3cf115421da8a6a25855a20-1464618262714", "ao6ehbtvbmhz", "huzbpgthac7s",
                "rbe7bbkjzx5mnoda", "ALLOW",
                "https://bigblubutton-server.sample/client/BigBlueButton.html?sessionToken=0wzsph6uaelwc68z",
                "successfullyJoined", "You have joined successfully.")),
                PHP + "join_meeting.xml", LRB + "join_meeting.xml");
        expect(c -> assertThat(c.join(JoinMeeting.builder("m1", "A").build())).isEqualTo(new JoinResponse(
                "fa51ae0c65adef7fe3cf115421da8a6a25855a20-1464618262714", "ao6ehbtvbmhz", "huzbpgthac7s",
                "rbe7bbkjzx5mnoda", "", "", "successfullyJoined", "You have joined successfully.")),
                RIA + "joinMeetingData.xml");

        expect(c -> {
            MeetingInfo m = c.getMeetingInfo("m1");
            assertMockMeeting(m);
            assertThat(m.isBreakout()).isFalse();
            assertThat(m.breakoutRooms()).isEmpty();
            assertThat(m.metadata()).hasSize(10)
                    .containsEntry("bn-recording-ready-url",
                            "http://bigbluebutton.org/moodle/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready")
                    .containsEntry("bbb-recording-name", "Bigbluebutton \"Mock meeting for testing getMeetingInfo\"")
                    .containsEntry("bbb-recording-tags", "");
        }, PHP + "get_meeting_info.xml");
        expect(c -> {
            MeetingInfo m = c.getMeetingInfo("m1");
            assertMockMeeting(m);
            assertThat(m.isBreakout()).isTrue();
            assertThat(m.parentMeetingId()).isEqualTo("ParentMeetingId");
            assertThat(m.sequence()).isEqualTo(1);
            assertThat(m.freeJoin()).isFalse();
            assertThat(m.metadata()).containsOnly(Map.entry("bbb-context", "Best BBB Developers Club"));
        }, PHP + "get_meeting_info_breakout_room.xml");
        expect(c -> {
            MeetingInfo m = c.getMeetingInfo("m1");
            assertMockMeeting(m);
            assertThat(m.isBreakout()).isFalse();
            assertThat(m.breakoutRooms()).containsExactly("breakout-room-id-1", "breakout-room-id-2",
                    "breakout-room-id-3");
            assertThat(m.metadata()).containsEntry("endcallbackurl",
                    "http://www.hegmann.biz/explicabo-praesentium-labore-dolor");
        }, PHP + "get_meeting_info_with_breakout_rooms.xml");
        expect(c -> {
            MeetingInfo m = c.getMeetingInfo("m1");
            assertMockMeeting(m);
            assertThat(m.isBreakout()).isTrue();
            assertThat(m.parentMeetingId()).isEqualTo("b97b512f2c92c0ffe7a3476152525807daa1c676-1524213151782");
            assertThat(m.sequence()).isEqualTo(1);
        }, LRB + "get_meeting_info.xml");
        expect(c -> {
            MeetingInfo m = c.getMeetingInfo("m1");
            assertThat(m.meetingName()).isEqualTo("Mock meeting for testing getMeetingInfo API method");
            assertThat(m.attendees()).hasSize(2);
            assertThat(m.attendees().getFirst().clientType()).as("element absent in 2018 capture").isEmpty();
            assertThat(m.isBreakout()).isTrue();
        }, RIA + "getInfoMeetingData.xml");

        expect(c -> {
            List<MeetingInfo> ms = c.getMeetings();
            assertThat(ms).extracting(MeetingInfo::meetingName)
                    .containsExactly("Prof. Josie Reichert IV", "Barbara Schiller", "Marty Lueilwitz");
            assertThat(ms.get(0).dialNumber()).isEqualTo("(985) 807-9923");
            assertThat(ms.get(0).running()).isFalse();
            assertThat(ms.get(1).isBreakout()).isTrue();
            assertThat(ms.get(1).parentMeetingId()).isEqualTo("ParentMeetingId");
            MeetingInfo third = ms.get(2);
            assertThat(third.participantCount()).isEqualTo(5);
            assertThat(third.listenerCount()).isEqualTo(2);
            assertThat(third.videoCount()).isEqualTo(3);
            assertThat(third.maxUsers()).isEqualTo(14);
            assertThat(third.attendees()).isEmpty();
            assertThat(third.breakoutRooms()).hasSize(3);
            assertThat(third.metadata()).containsEntry("presenter", "Consuelo Gleichner IV");
        }, PHP + "get_meetings.xml");
        expect(c -> {
            List<MeetingInfo> ms = c.getMeetings();
            assertThat(ms).hasSize(3);
            assertThat(ms.get(1).isBreakout()).isFalse();
            assertThat(ms.get(2).breakoutRooms()).isEmpty();
        }, LRB + "get_meetings.xml");
        expect(c -> assertThat(c.getMeetings()).extracting(MeetingInfo::meetingId)
                .containsExactly("Demo Meeting", "Test Meeting", "56e1ae16-3dfc-390d-b0d8-5aa844a25874"),
                RIA + "getMeetingsData.xml");

        expect(c -> {
            RecordingsPage page = c.getRecordings(GetRecordings.builder().build());
            assertThat(page.pagination()).isEmpty();
            List<Recording> rs = page.recordings();
            assertThat(rs).hasSize(6);
            Recording first = rs.getFirst();
            assertThat(first.recordId()).isEqualTo("f71d810b6e90a4a34ae02b8c7143e8733178578e-1462807897120");
            assertThat(first.meetingId()).isEqualTo("9d287cf50490ca856ca5273bd303a7e321df6051-4-119[0]");
            assertThat(first.name()).isEqualTo("SAT- Writing-Humanities (All participants)");
            assertThat(first.published()).isTrue();
            assertThat(first.state()).isEqualTo("published");
            assertThat(first.startTime()).isEqualTo(1462807897120L);
            assertThat(first.endTime()).isEqualTo(1462812873004L);
            assertThat(first.metadata()).hasSize(9).containsEntry("bn-origin", "Moodle")
                    .containsEntry("bbb-origin-server-common-name", "");
            assertThat(first.formats()).extracting(PlaybackFormat::type).containsExactly("podcast", "presentation");
            assertThat(first.formats().get(0)).isEqualTo(new PlaybackFormat("podcast",
                    "https://test-install.blindsidenetworks.com/podcast/f71d810b6e90a4a34ae02b8c7143e8733178578e-1462807897120/audio.ogg",
                    111, 632, 10500, List.of()));
            PlaybackFormat presentation = first.formats().get(1);
            assertThat(presentation.processingTime()).isEqualTo(2973);
            assertThat(presentation.size()).isEqualTo(168019);
            assertThat(presentation.previews()).extracting(PreviewImage::alt).containsExactly("Welcome", "Course");
            assertThat(presentation.previews().getFirst().width()).isEqualTo(176);
            assertThat(presentation.previews().getFirst().height()).isEqualTo(136);
            assertThat(presentation.previews().getFirst().url()).endsWith("/thumbnails/thumb-1.png");
            assertThat(rs.get(2).metadata()).as("CDATA on its own indented line")
                    .containsEntry("bbb-recording-name", "SAT- Polynomials and Inequalities (All participants)");
            Recording sized = rs.get(4);
            assertThat(sized.participants()).isEqualTo(6);
            assertThat(sized.rawSize()).isEqualTo(7219530L);
            assertThat(sized.internalMeetingId()).isEqualTo(sized.recordId());
            assertThat(rs.get(1).participants()).as("missing -> 0").isZero();
        }, PHP + "get_recordings.xml");
        expect(c -> {
            List<Recording> rs = c.getRecordings(GetRecordings.builder().build()).recordings();
            assertThat(rs).hasSize(7);
            Recording fred = rs.getLast();
            assertThat(fred.name()).isEqualTo("Fred's Room");
            assertThat(fred.participants()).isEqualTo(3);
            assertThat(fred.isBreakout()).isFalse();
            assertThat(fred.metadata()).containsEntry("gl-listed", "false").containsEntry("isBreakout", "false");
            assertThat(fred.formats()).hasSize(2);
            assertThat(fred.formats().get(1).previews()).hasSize(3);
            assertThat(fred.formats().get(1).previews().get(1).alt())
                    .isEqualTo("(this slide left blank for use as a whiteboard)");
        }, LRB + "get_recordings.xml");
        expect(c -> assertThat(c.getRecordings(GetRecordings.builder().build()).recordings()).hasSize(6),
                RIA + "getRecordingsData.xml");
        expect(c -> {
            List<Recording> rs = c.getRecordings(GetRecordings.builder().build()).recordings();
            assertThat(rs).hasSize(2);
            assertThat(rs.get(0).startTime()).as("2011 servers sent dates as text").isZero();
            assertThat(rs.get(0).state()).isEmpty();
            assertThat(rs.get(1).name()).as("CDATA is literal").isEqualTo("Test de fonctionnalit&#xe9;");
            assertThat(rs.get(1).published()).isFalse();
            assertThat(rs.get(0).formats().getFirst().type()).isEqualTo("slides");
            assertThat(rs.get(0).metadata()).containsEntry("course", "Fundamentals Of JAVA");
        }, "mconf-bigbluebutton-api-ruby/hash_to_xml_complex.xml");
        expect(c -> {
            RecordingsPage page = c.getRecordings(GetRecordings.builder().build());
            assertThat(page.recordings()).isEmpty();
            assertThat(page.pagination()).isEmpty();
        }, PHP + "get_recordings_no_recordings.xml");

        expect(c -> {
            List<TextTrack> tracks = c.getRecordingTextTracks("r1");
            assertThat(tracks).hasSize(3).allSatisfy(t -> assertThat(t).isEqualTo(new TextTrack(
                    "http://captions.example.com/foo.json", "captions", "English", "en-US", "live")));
        }, PHP + "get_recording_text_tracks.json");
        expect(c -> {
            List<TextTrack> tracks = c.getRecordingTextTracks("r1");
            assertThat(tracks).extracting(TextTrack::lang).containsExactly("en-US", "pt-BR");
            assertThat(tracks.get(1).label()).isEqualTo("Brazil");
            assertThat(tracks.get(1).source()).isEqualTo("upload");
        }, LRB + "get_recording_text_tracks.json");

        expect(c -> assertThat(c.createHook(CreateHook.builder("https://a/h").build()))
                .isEqualTo(new HookCreated("1", false, false, false)),
                PHP + "hooks_create.xml", LRB + "hooks_create.xml");
        expect(c -> assertThat(c.createHook(CreateHook.builder("https://a/h").build()))
                .isEqualTo(new HookCreated("1", false, false, true)),
                PHP + "hooks_create_existing.xml", LRB + "hooks_create_existing.xml");
        expect(failsWith("createHookError", c -> c.createHook(CreateHook.builder("https://a/h").build())),
                PHP + "hooks_create_failed_error.xml", LRB + "hooks_create_error.xml");
        expect(failsWith("missingParamHookID", c -> c.createHook(CreateHook.builder("https://a/h").build())),
                LRB + "hooks_create_no_hook_id.xml");
        expect(c -> assertThat(c.destroyHook("1")).isTrue(), PHP + "hooks_destroy.xml", LRB + "hooks_destroy.xml");
        expect(c -> assertThat(c.destroyHook("1")).as("missing hook").isFalse(),
                PHP + "hooks_destroy_failed_not_found.xml", LRB + "hooks_destroy_not_found.xml");
        expect(failsWith("destroyHookError", c -> c.destroyHook("1")),
                PHP + "hooks_destroy_failed_error.xml", LRB + "hooks_destroy_error.xml");
        expect(failsWith("missingParamHookID", c -> c.destroyHook("1")), PHP + "hooks_destroy_failed_no_id.xml");
        expect(c -> assertThat(c.listHooks(null)).containsExactly(
                new Hook("1", "http://postcatcher.in/catchers/abcdefghijk", "my-meeting", "", false, false),
                new Hook("2", "http://postcatcher.in/catchers/1234567890", "", "", false, false)),
                PHP + "hooks_list.xml", LRB + "hooks_list.xml");

        // Calls this client has no method for: the envelope must still parse the way BBB meant it.
        expect(envelope("getSessions", "SUCCESS", null), PHP + "get_sessions.xml", PHP + "get_sessions_empty.xml");
        expect(envelope("sendChatMessage", "SUCCESS", null), PHP + "send_chat_message.xml");
        expect(envelope("sendChatMessage", "FAILED", "meetingNotFound"), PHP + "send_chat_message_failed.xml");
        expect(envelope("signOut", "SUCCESS", null), RIA + "signOutData.xml");
        expect(envelope("setConfigXML", "SUCCESS", null), RIA + "setConfigXmlData.xml");
        // getDefaultConfigXML (removed in 2.4) answered a bare <config>: not a BBB envelope, so a format error.
        expect(envelope("getDefaultConfigXML", "TRANSPORT", "instead of a BBB <response>"),
                RIA + "defaultConfigXmlData.xml");

        // JSON answers of client-internal calls this library does not implement: valid JSON, known returncode.
        expect(json("SUCCESS"), PHP + "get_join_url.json", PHP + "learning_dashboard.json",
                PHP + "put_recording_text_track_success.json");
        expect(json("FAILED"), PHP + "get_join_url_failed.json", PHP + "learning_dashboard_failed.json");
        expect(json(null), PHP + "feedback_response.json");
    }

    private static void assertMockMeeting(MeetingInfo m) {
        assertThat(m.meetingName()).isEqualTo("Mock meeting for testing getMeetingInfo API method");
        assertThat(m.meetingId()).isEqualTo("117b12ae2656972d330b6bad58878541-28-15");
        assertThat(m.internalMeetingId()).isEqualTo("178757fcedd9449054536162cdfe861ddebc70ba-1453206317376");
        assertThat(m.createTime()).isEqualTo(1453206317376L);
        assertThat(m.createDate()).isEqualTo("Tue Jan 19 07:25:17 EST 2016");
        assertThat(m.voiceBridge()).isEqualTo("70100");
        assertThat(m.running()).isTrue();
        assertThat(m.duration()).isEqualTo(20);
        assertThat(m.hasUserJoined()).isTrue();
        assertThat(m.recording()).isTrue();
        assertThat(m.hasBeenForciblyEnded()).isFalse();
        assertThat(m.startTime()).isEqualTo(1453206317380L);
        assertThat(m.endTime()).isEqualTo(1453206325002L);
        assertThat(m.participantCount()).isEqualTo(2);
        assertThat(m.listenerCount()).isEqualTo(1);
        assertThat(m.voiceParticipantCount()).isEqualTo(2);
        assertThat(m.videoCount()).isEqualTo(1);
        assertThat(m.maxUsers()).isEqualTo(20);
        assertThat(m.moderatorCount()).isEqualTo(2);
        assertThat(m.attendees()).extracting(Attendee::fullName)
                .containsExactly("Ernie Abernathy", "Barrett Kutch", "Peter Parker", "Bruce Wayne");
        Attendee ernie = m.attendees().get(0);
        assertThat(ernie).isEqualTo(new Attendee("amslzbgzzddp", "Ernie Abernathy", "MODERATOR", true, false, true,
                true, "HTML5", Map.of()));
        Attendee barrett = m.attendees().get(1);
        assertThat(barrett.clientType()).isEqualTo("FLASH");
        assertThat(barrett.customData()).containsOnly(Map.entry("skipCheck", "true"),
                Map.entry("backgroundColor", "#FF0033"), Map.entry("customStyle", "a:focus{color:#0181eb}"));
        Attendee bruce = m.attendees().get(3);
        assertThat(bruce.isListeningOnly()).isTrue();
        assertThat(bruce.hasJoinedVoice()).isFalse();
        assertThat(bruce.role()).isEqualTo("VIEWER");
    }

    private static Check envelope(String call, String outcome, String detail) {
        return c -> {
            byte[] body = Files.readAllBytes(current);
            switch (outcome) {
                case "SUCCESS" -> assertThat(BbbClient.envelope(call, "x", 200, "text/xml", body).name())
                        .isEqualTo("response");
                case "FAILED" -> {
                    BbbException e = catchThrowableOfType(BbbException.class,
                            () -> BbbClient.envelope(call, "x", 200, "text/xml", body));
                    assertThat(e).isNotNull();
                    assertThat(e.messageKey()).isEqualTo(detail);
                    assertThat(e.isNoSuchMeeting()).isTrue();
                }
                default -> {
                    BbbTransportException e = catchThrowableOfType(BbbTransportException.class,
                            () -> BbbClient.envelope(call, "x", 200, "text/xml", body));
                    assertThat(e).isNotNull();
                    assertThat(e.getMessage()).contains(detail);
                }
            }
        };
    }

    private static Check json(String returncode) {
        return c -> {
            Object parsed = Json.parse(Files.readString(current));
            assertThat(parsed).isInstanceOf(Map.class);
            Object response = ((Map<?, ?>) parsed).get("response");
            if (returncode == null) {
                assertThat(response).isNull();
            } else {
                assertThat(((Map<?, ?>) response).get("returncode")).isEqualTo(returncode);
            }
        };
    }

    // ------------------------------------------------------------------ running it

    private static Path current;

    private static List<String> allFixtures() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "fixture folder " + FIXTURES + " not present");
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(FIXTURES.relativize(p).toString().replace('\\', '/')));
        }
        files.remove("SOURCES.txt");
        files.sort(null);
        return files;
    }

    @Test
    void everyFixtureHasAnExpectation() throws IOException {
        List<String> files = allFixtures();
        List<String> unclassified = files.stream()
                .filter(f -> !RESPONSES.containsKey(f) && !REQUEST_BODIES.contains(f)).toList();
        assertThat(unclassified).as("fixtures without an expectation").isEmpty();
        assertThat(files).hasSizeGreaterThanOrEqualTo(RESPONSES.size() + REQUEST_BODIES.size());
        List<String> stale = new ArrayList<>(RESPONSES.keySet());
        stale.addAll(REQUEST_BODIES);
        stale.removeAll(files);
        assertThat(stale).as("table entries without a file").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyResponseFixture() throws IOException {
        return allFixtures().stream().filter(RESPONSES::containsKey).map(f -> DynamicTest.dynamicTest(f, () -> {
            Path path = FIXTURES.resolve(f);
            byte[] body = Files.readAllBytes(path);
            current = path;
            String type = f.endsWith(".json") ? "application/json" : "text/xml";
            stub.respond(r -> new Reply(200, type, body, Map.of(), 0, -1));
            RESPONSES.get(f).run(client);
            // Whatever the call, the request it made must have passed the checksum check.
            stub.received().stream().filter(r -> !r.call().isEmpty())
                    .forEach(r -> assertThat(r.checksumValid()).isTrue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRequestBodyRoundTripsThroughOurWriter() throws IOException {
        return allFixtures().stream().filter(REQUEST_BODIES::contains).map(f -> DynamicTest.dynamicTest(f, () -> {
            byte[] fixture = Files.readAllBytes(FIXTURES.resolve(f));
            XmlNode modules = XmlNode.parse(fixture);
            assertThat(modules.name()).isEqualTo("modules");
            List<Document> documents = new ArrayList<>();
            String settings = null;
            for (XmlNode module : modules.children("module")) {
                if (module.attribute("name").equals("presentation")) {
                    module.children("document").forEach(d -> documents.add(toDocument(d)));
                } else {
                    assertThat(module.attribute("name")).isEqualTo("clientSettingsOverride");
                    settings = module.text();
                }
            }
            byte[] ours = ModulesXml.write(documents, settings);
            assertThat(canonical(XmlNode.parse(ours))).isEqualTo(canonical(modules));
        }));
    }

    /** Rebuilds the {@link Document} a caller would have written to produce this element. */
    static Document toDocument(XmlNode d) {
        String url = d.attribute("url");
        Document doc;
        if (!url.isEmpty()) {
            String filename = d.attribute("filename");
            doc = filename.isEmpty() ? Document.fromUrl(url) : Document.fromUrl(url, filename);
        } else {
            doc = Document.fromBytes(d.attribute("name"), Base64.getMimeDecoder().decode(d.text()));
        }
        if (!d.attribute("current").isEmpty()) {
            doc = doc.withCurrent(Boolean.parseBoolean(d.attribute("current")));
        }
        if (!d.attribute("downloadable").isEmpty()) {
            doc = doc.withDownloadable(Boolean.parseBoolean(d.attribute("downloadable")));
        }
        if (!d.attribute("removable").isEmpty()) {
            doc = doc.withRemovable(Boolean.parseBoolean(d.attribute("removable")));
        }
        return doc;
    }

    private static final Set<String> KNOWN_ATTRIBUTES = Set.of("url", "filename", "name", "current", "downloadable",
            "removable");

    /**
     * Structure that matters to bbb-web: module names, document attributes it reads (the PHP test's
     * magic1..3 attributes are not), and text with whitespace removed (base64 may be wrapped).
     */
    static List<Object> canonical(XmlNode modules) {
        List<Object> out = new ArrayList<>();
        for (XmlNode module : modules.children("module")) {
            out.add("module:" + module.attribute("name"));
            if (module.children().isEmpty()) {
                out.add(module.text());
            }
            for (XmlNode d : module.children("document")) {
                Map<String, String> attrs = new TreeMap<>();
                for (String a : KNOWN_ATTRIBUTES) {
                    if (!d.attribute(a).isEmpty()) {
                        attrs.put(a, d.attribute(a));
                    }
                }
                out.add(attrs);
                out.add(d.text().replaceAll("\\s", ""));
            }
        }
        return out;
    }
}

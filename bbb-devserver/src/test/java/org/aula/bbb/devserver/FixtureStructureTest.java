package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.bbb.devserver.TestSupport.sign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Compares the element structure (tag paths) of our answers with the response fixtures of bigbluebutton-api-php
 * (/work/shared/bbb-fixtures). Children of metadata/customdata are data, not structure, and count as "*".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureStructureTest {
    static final Path FIXTURES = Path.of(System.getProperty("bbb.fixtures", "/work/shared/bbb-fixtures"),
            "bigbluebutton-api-php", "responses");
    DevServer core;
    String mid = "fixture-meeting";
    String recordId;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "fixtures not available at " + FIXTURES);
        core = new DevServer(DevServer.Options.builder(TestSupport.SECRET).publicBaseUrl("https://dev.example")
                .recordingProcessingDelay(Duration.ofMillis(1)).endDelay(Duration.ofMillis(1)).build());
        call("create", "name=Fixture&meetingID=" + mid + "&meta_presenter=x&meta_endCallbackUrl=y&record=true");
        String url = tag(call("join", "meetingID=" + mid + "&fullName=A&role=moderator&redirect=false&userdata-bbb_x=1"), "url");
        core.handle(new DevRequest("POST", "/client/api/heartbeat", url.substring(url.indexOf('?') + 1), null, null, null, null));
        // a recording (ended recorded meeting) for the recording fixtures
        call("create", "name=Rec&meetingID=rec-meeting&record=true&meta_bbb-context=c");
        core.handle(new DevRequest("POST", "/control/participants/add", "meetingID=rec-meeting&count=1",
                java.util.Map.of("X-Devserver-Secret", TestSupport.SECRET), null, null, null));
        call("end", "meetingID=rec-meeting");
        long end = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < end && !call("getRecordings", "meetingID=rec-meeting").contains("published")) {
            Thread.sleep(20);
        }
        recordId = tag(call("getRecordings", "meetingID=rec-meeting"), "recordID");
    }

    @AfterAll
    void tearDown() {
        if (core != null) {
            core.close();
        }
    }

    String call(String name, String query) {
        return core.handle(DevRequest.get("/bigbluebutton/api/" + name, sign(name, query, "sha1"))).bodyText();
    }

    static String tag(String xml, String tag) {
        int i = xml.indexOf("<" + tag + ">");
        return i < 0 ? null : xml.substring(i + tag.length() + 2, xml.indexOf("</" + tag + ">", i));
    }

    static Set<String> paths(String xml) throws Exception {
        Set<String> out = new TreeSet<>();
        walk(TestSupport.parse(xml).getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element e, String prefix, Set<String> out) {
        String p = prefix.isEmpty() ? e.getTagName() : prefix + "/" + e.getTagName();
        if (prefix.endsWith("/metadata") || prefix.endsWith("/customdata")) {
            p = prefix + "/*";
            out.add(p);
            return;
        }
        out.add(p);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                walk(c, p, out);
            }
        }
    }

    void assertSameStructure(String fixture, String ours, Set<String> fixtureOnlyAllowed, Set<String> oursOnlyAllowed) throws Exception {
        Set<String> expected = paths(Files.readString(FIXTURES.resolve(fixture)));
        Set<String> actual = paths(ours);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        missing.removeAll(fixtureOnlyAllowed);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        extra.removeAll(oursOnlyAllowed);
        assertThat(missing).as(fixture + ": elements of the fixture missing in our answer " + ours).isEmpty();
        assertThat(extra).as(fixture + ": elements not in the fixture").isEmpty();
    }

    void same(String fixture, String ours) throws Exception {
        assertSameStructure(fixture, ours, Set.of(), Set.of());
    }

    @Test
    void version() throws Exception {
        same("api_version.xml", core.handle(DevRequest.get("/bigbluebutton/api", null)).bodyText());
    }

    @Test
    void meetingCalls() throws Exception {
        same("create_meeting.xml", call("create", "name=Fixture&meetingID=" + mid));
        same("join_meeting.xml", call("join", "meetingID=" + mid + "&fullName=B&role=viewer&redirect=false"));
        // guest lobby fields (attendee isGuest, the waiting list) are not in the fixture
        assertSameStructure("get_meeting_info.xml", call("getMeetingInfo", "meetingID=" + mid), Set.of(),
                Set.of("response/attendees/attendee/isGuest", "response/guestsWaiting"));
        String meetings = call("getMeetings", "");
        // the fixture's meetings have no attendees; ours has one connected user; breakout fields appear only for breakouts
        assertSameStructure("get_meetings.xml", meetings,
                Set.of("response/meetings/meeting/parentMeetingID", "response/meetings/meeting/sequence",
                        "response/meetings/meeting/freeJoin", "response/meetings/meeting/breakoutRooms",
                        "response/meetings/meeting/breakoutRooms/breakout"),
                Set.of("response/meetings/meeting/attendees/attendee", "response/meetings/meeting/attendees/attendee/userID",
                        "response/meetings/meeting/attendees/attendee/fullName", "response/meetings/meeting/attendees/attendee/role",
                        "response/meetings/meeting/attendees/attendee/isPresenter",
                        "response/meetings/meeting/attendees/attendee/isListeningOnly",
                        "response/meetings/meeting/attendees/attendee/hasJoinedVoice",
                        "response/meetings/meeting/attendees/attendee/hasVideo",
                        "response/meetings/meeting/attendees/attendee/clientType",
                        "response/meetings/meeting/attendees/attendee/customdata",
                        "response/meetings/meeting/attendees/attendee/customdata/*",
                        "response/meetings/meeting/attendees/attendee/isGuest", "response/meetings/meeting/guestsWaiting"));
        same("is_meeting_running.xml", call("isMeetingRunning", "meetingID=" + mid));
        same("send_chat_message.xml", call("sendChatMessage", "meetingID=" + mid + "&message=hi"));
        same("send_chat_message_failed.xml", call("sendChatMessage", "meetingID=nope-nope&message=hi"));
        String body = "<modules><module name=\"presentation\"><document url=\"https://e.org/a.pdf\"/></module></modules>";
        DevResponse ins = core.handle(new DevRequest("POST", "/bigbluebutton/api/insertDocument",
                sign("insertDocument", "meetingID=" + mid, "sha1"), java.util.Map.of("Content-Type", "application/xml"),
                body.getBytes(), null, null));
        same("insert_document.xml", ins.bodyText());
        same("end_meeting.xml", call("end", "meetingID=" + mid));
    }

    @Test
    void recordingCalls() throws Exception {
        assertThat(recordId).isNotNull();
        // the reference (§6.1) lists isBreakout on a recording; the fixture predates it
        assertSameStructure("get_recordings.xml", call("getRecordings", "recordID=" + recordId),
                Set.of(), Set.of("response/recordings/recording/isBreakout"));
        same("get_recordings_no_recordings.xml", call("getRecordings", "meetingID=nothing-here"));
        same("publish_recordings.xml", call("publishRecordings", "recordID=" + recordId + "&publish=true"));
        same("publish_recordings_not_found.xml", call("publishRecordings", "recordID=zzz&publish=true"));
        same("update_recordings.xml", call("updateRecordings", "recordID=" + recordId + "&meta_a=b"));
        same("update_recordings_not_found.xml", call("updateRecordings", "recordID=zzz"));
        same("delete_recordings.xml", call("deleteRecordings", "recordID=" + recordId));
        same("delete_recordings_not_found.xml", call("deleteRecordings", "recordID=zzz"));
        String tracks = core.handle(DevRequest.get("/bigbluebutton/api/getRecordingTextTracks",
                sign("getRecordingTextTracks", "recordID=" + recordId, "sha1"))).bodyText();
        String fixture = Files.readString(FIXTURES.resolve("get_recording_text_tracks.json"));
        assertThat(fixture).contains("\"response\"", "\"returncode\"", "\"tracks\"");
        assertThat(tracks).startsWith("{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[");
    }

    @Test
    void hookCalls() throws Exception {
        same("hooks_create.xml", call("hooks/create", "callbackURL=" + TestSupport.enc("http://127.0.0.1:9/a") + "&meetingID=m1&eventID=meeting-ended"));
        same("hooks_create_existing.xml", call("hooks/create", "callbackURL=" + TestSupport.enc("http://127.0.0.1:9/a")));
        call("hooks/create", "callbackURL=" + TestSupport.enc("http://127.0.0.1:9/b"));
        same("hooks_list.xml", call("hooks/list", ""));
        same("hooks_destroy_failed_no_id.xml", call("hooks/destroy", ""));
        same("hooks_destroy_failed_not_found.xml", call("hooks/destroy", "hookID=999"));
        String id = tag(call("hooks/list", ""), "hookID");
        same("hooks_destroy.xml", call("hooks/destroy", "hookID=" + id));
    }
}

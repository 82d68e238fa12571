package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.aula.devbbb.DevBbb;
import org.aula.settings.RoomOptionsSettings;
import org.aula.settings.RoomOptionsSettings.CourseOptions;
import org.aula.settings.RoomOptionsSettings.GlobalAudience;
import org.aula.settings.RoomOptionsSettings.Locks;
import org.aula.settings.RoomOptionsSettings.PluginOptions;
import org.aula.support.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Room kinds over HTTP against the mounted devserver: who may see, start and join session, group, global and
 * personal rooms (404 for outsiders, 403 for other course members, also with the direct URL), the participant limit
 * at Aula's join, and the options the devserver received on create.
 */
class RoomKindsTest extends AppTest {

    private static final Locks NO_LOCKS = new Locks(false, false, false, false, false);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DevBbb devBbb;
    @Autowired
    Rooms rooms;
    @Autowired
    RoomOptionsSettings options;
    @Autowired
    RoomPresentations presentations;

    ConferenceFixtures f;
    DevBbbControl control;
    PluginOptions pluginBefore;
    long sessionId;
    long groupId;
    String groupMember;
    String tutor;

    @BeforeEach
    void setUp() {
        pluginBefore = options.plugin();
        f = new ConferenceFixtures(jdbc, encoder, "rooms");
        control = new DevBbbControl(devBbb);
        sessionId = jdbc.sql("select id from course_session where course_id = ?").param(f.courseId).query(Long.class)
                .single();
        groupMember = user("gmember");
        tutor = user("gtutor");
        jdbc.sql("insert into course_member (course_id, user_id, role) values (?, ?, 'STUDENT')")
                .params(f.courseId, f.userId(groupMember)).update();
        jdbc.sql("insert into course_member (course_id, user_id, role) values (?, ?, 'STUDENT')")
                .params(f.courseId, f.userId(tutor)).update();
        groupId = jdbc.sql("insert into course_group (course_id, name) values (?, 'Group Blue') returning id")
                .param(f.courseId).query(Long.class).single();
        jdbc.sql("insert into group_member (group_id, user_id, role) values (?, ?, 'MEMBER')")
                .params(groupId, f.userId(groupMember)).update();
        jdbc.sql("insert into group_member (group_id, user_id, role) values (?, ?, 'TUTOR')")
                .params(groupId, f.userId(tutor)).update();
    }

    @AfterEach
    void restorePluginOptions() {
        options.savePlugin(pluginBefore);
    }

    WebSession as(String username) {
        return WebSession.login(port, username, ConferenceFixtures.PASSWORD);
    }

    // ------------------------------------------------------------------ session rooms

    @Test
    void sessionCoachStartsAndModeratesSessionStudentJoinsAsViewerOthersAreRefused() {
        String room = "/courses/" + f.code + "/sessions/" + sessionId + "/room";

        assertThat(as(f.outsider).get(room).statusCode()).isEqualTo(404);
        assertThat(as(f.otherCoach).get(room).statusCode()).isEqualTo(404);
        assertThat(as(f.student).get(room).statusCode()).isEqualTo(403);
        assertThat(as(f.student).post(room + "/join").statusCode()).isEqualTo(403);
        assertThat(as(f.sessionStudent).post(room + "/start").statusCode()).isEqualTo(403);

        HttpResponse<String> start = as(f.coach).post(room + "/start");
        Map<String, String> coachJoin = ConferenceFlowTest.query(location(start));
        assertThat(coachJoin).containsEntry("role", "MODERATOR");

        HttpResponse<String> join = as(f.sessionStudent).post(room + "/join");
        Map<String, String> studentJoin = ConferenceFlowTest.query(location(join));
        assertThat(studentJoin).containsEntry("role", "VIEWER")
                .containsEntry("userID", Long.toString(f.userId(f.sessionStudent)))
                .containsEntry("meetingID", coachJoin.get("meetingID"));
        // Its own meetings: the session room is not the course room.
        Room sessionRoom = rooms.roomByContextKey("session:" + sessionId).orElseThrow();
        assertThat(rooms.openMeeting(sessionRoom.id())).isPresent();
        assertThat(rooms.state(rooms.courseRoom(f.courseId, "x").id()).open()).isFalse();
        assertThat(as(f.teacher).post(room + "/end").statusCode()).isEqualTo(302);
        assertThat(rooms.state(sessionRoom.id()).open()).isFalse();
    }

    @Test
    void theCourseToolListsOnlyTheRoomsTheUserMayUse() {
        options.savePlugin(plugin(true, false, GlobalAudience.EVERYONE));
        options.saveCourse(f.courseId, course(true, false, null));

        String list = "/courses/" + f.code + "/videoconference/rooms";
        assertThat(as(f.sessionStudent).get(list).body()).contains("/sessions/" + sessionId + "/room")
                .doesNotContain("/groups/" + groupId + "/room");
        assertThat(as(groupMember).get(list).body()).contains("/groups/" + groupId + "/room")
                .doesNotContain("/sessions/" + sessionId + "/room");
        assertThat(as(f.teacher).get(list).body()).contains("/groups/" + groupId + "/room")
                .contains("/sessions/" + sessionId + "/room").contains("prepare/slides");
        assertThat(as(f.outsider).get(list).statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ group rooms

    @Test
    void groupRoomsExistOnlyWhenThePluginAndTheCourseSwitchThemOn() {
        String room = "/courses/" + f.code + "/groups/" + groupId + "/room";
        options.savePlugin(plugin(false, false, GlobalAudience.EVERYONE));
        options.saveCourse(f.courseId, course(true, false, null));
        assertThat(as(groupMember).get(room).statusCode()).isEqualTo(404);

        options.savePlugin(plugin(true, false, GlobalAudience.EVERYONE));
        options.saveCourse(f.courseId, course(false, false, null));
        assertThat(as(groupMember).get(room).statusCode()).isEqualTo(404);

        options.saveCourse(f.courseId, course(true, false, null));
        assertThat(as(groupMember).get(room).statusCode()).isEqualTo(200);
    }

    @Test
    void nonMembersAreRefusedAGroupRoomEvenWithTheDirectUrl() {
        options.savePlugin(plugin(true, false, GlobalAudience.EVERYONE));
        options.saveCourse(f.courseId, course(true, false, null));
        String room = "/courses/" + f.code + "/groups/" + groupId + "/room";

        // members cannot start unless the course allows it; the tutor moderates
        assertThat(as(groupMember).post(room + "/start").statusCode()).isEqualTo(403);
        Map<String, String> tutorJoin = ConferenceFlowTest.query(location(as(tutor).post(room + "/start")));
        assertThat(tutorJoin).containsEntry("role", "MODERATOR");

        assertThat(ConferenceFlowTest.query(location(as(groupMember).post(room + "/join"))))
                .containsEntry("role", "VIEWER");
        // the course teacher moderates (before the devserver's scaled empty-meeting expiry of 5 s)
        assertThat(ConferenceFlowTest.query(location(as(f.teacher).post(room + "/join"))))
                .containsEntry("role", "MODERATOR");
        // a student of the course who is not in the group, with the direct link: refused (Chamilo #3472)
        WebSession student = as(f.student);
        assertThat(student.get(room).statusCode()).isEqualTo(403);
        HttpResponse<String> sneak = student.post(room + "/join");
        assertThat(sneak.statusCode()).isEqualTo(403);
        assertThat(sneak.headers().firstValue("Location")).isEmpty();
        assertThat(as(f.sessionStudent).post(room + "/join").statusCode()).isEqualTo(403);
        assertThat(as(f.outsider).post(room + "/join").statusCode()).isEqualTo(404);
        as(tutor).post(room + "/end");
    }

    @Test
    void groupMembersStartTheirRoomWhenTheCourseAllowsIt() {
        options.savePlugin(plugin(true, false, GlobalAudience.EVERYONE));
        options.saveCourse(f.courseId, course(true, true, null));
        String room = "/courses/" + f.code + "/groups/" + groupId + "/room";

        HttpResponse<String> start = as(groupMember).post(room + "/start");
        assertThat(location(start)).contains("/bigbluebutton/api/join?");
        as(groupMember).post(room + "/end");
        assertThat(as(f.student).post(room + "/start").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ global and personal rooms

    @Test
    void theGlobalRoomFollowsThePluginSwitchAndItsAudience() {
        assertThat(as(f.student).get("/rooms/global").statusCode()).isEqualTo(404);
        assertThat(as(f.student).get("/rooms/links").body()).doesNotContain("/rooms/global").contains("/rooms/personal");

        options.savePlugin(plugin(false, true, GlobalAudience.ADMINS));
        assertThat(as(f.teacher).get("/rooms/global").statusCode()).isEqualTo(404);
        assertThat(as(f.admin).get("/rooms/global").statusCode()).isEqualTo(200);
        assertThat(as(f.admin).get("/rooms/links").body()).contains("/rooms/global");

        options.savePlugin(plugin(false, true, GlobalAudience.TEACHERS));
        assertThat(as(f.teacher).get("/rooms/global").statusCode()).isEqualTo(200);
        assertThat(as(f.student).get("/rooms/global").statusCode()).isEqualTo(404);

        options.savePlugin(plugin(false, true, GlobalAudience.EVERYONE));
        assertThat(as(f.student).post("/rooms/global/start").statusCode()).isEqualTo(403);
        assertThat(ConferenceFlowTest.query(location(as(f.teacher).post("/rooms/global/start"))))
                .containsEntry("role", "MODERATOR");
        assertThat(ConferenceFlowTest.query(location(as(f.student).post("/rooms/global/join"))))
                .containsEntry("role", "VIEWER");
        as(f.admin).post("/rooms/global/end");
    }

    @Test
    void aPersonalRoomIsJoinedThroughItsSharedLinkAndItsHistoryIsTheOwnersAndAdminsOnly() {
        WebSession owner = as(f.student);
        String page = owner.get("/rooms/personal").body();
        String shared = page.replaceAll("(?s).*id=\"room-share-url\"[^>]*value=\"[^\"]*(/rooms/shared/[A-Za-z0-9_-]+)\".*", "$1");
        assertThat(shared).startsWith("/rooms/shared/");

        WebSession visitor = as(f.outsider);
        assertThat(visitor.get(shared).statusCode()).isEqualTo(200);
        assertThat(location(visitor.post(shared + "/join"))).endsWith(shared); // not open yet
        assertThat(visitor.post(shared + "/start").statusCode()).isEqualTo(403);
        assertThat(visitor.post(shared + "/end").statusCode()).isEqualTo(403);
        assertThat(visitor.get("/rooms/shared/" + PersonalRoomPolicy.newToken()).statusCode()).isEqualTo(404);

        assertThat(ConferenceFlowTest.query(location(owner.post("/rooms/personal/start"))))
                .containsEntry("role", "MODERATOR");
        assertThat(ConferenceFlowTest.query(location(visitor.post(shared + "/join"))))
                .containsEntry("role", "VIEWER");
        owner.post("/rooms/personal/end");

        assertThat(owner.get("/rooms/personal").body()).contains("id=\"room-meetings\"");
        assertThat(visitor.get(shared).body()).doesNotContain("room-meetings").doesNotContain("room-no-meetings");
        assertThat(as(f.admin).get(shared).body()).contains("id=\"room-meetings\"");
        // the visitor's own room is another one
        assertThat(visitor.get("/rooms/personal").body()).doesNotContain(shared);
    }

    // ------------------------------------------------------------------ limit and options on create

    @Test
    void viewersAreRefusedOnceTheRoomIsFullButModeratorsAreAlwaysLetIn() {
        options.saveCourse(f.courseId, course(false, false, 5));
        String room = "/courses/" + f.code + "/sessions/" + sessionId + "/room";
        WebSession teacher = as(f.teacher);
        teacher.post(room + "/limit", Map.of("maxParticipants", "2"));

        String meetingId = ConferenceFlowTest.query(location(as(f.coach).post(room + "/start"))).get("meetingID");
        Map<String, String> created = createParams(meetingId);
        int moderators = jdbc.sql("select count(*) from app_user where admin and enabled").query(Integer.class).single()
                + 2; // the course's teacher and the session's coach
        assertThat(created.get("maxParticipants")).isEqualTo(Integer.toString(2 + moderators));

        control.addParticipants(meetingId, 2);
        Room sessionRoom = rooms.roomByContextKey("session:" + sessionId).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> rooms.state(sessionRoom.id()).participantCount() >= 2);

        HttpResponse<String> refused = as(f.sessionStudent).post(room + "/join");
        assertThat(location(refused)).endsWith(room);
        WebSession student = as(f.sessionStudent);
        student.post(room + "/join");
        assertThat(student.get(room).body()).contains("The room is full: at most 2 participants");

        assertThat(ConferenceFlowTest.query(location(teacher.post(room + "/join")))).containsEntry("role", "MODERATOR");
        assertThat(location(as(f.coach).post(room + "/start"))).contains("/bigbluebutton/api/join?");
        teacher.post(room + "/end");
    }

    @Test
    void theCourseRoomAppliesTheCourseLimitToViewersOnly() {
        options.saveCourse(f.courseId, course(false, false, 1));
        String tool = "/courses/" + f.code + "/videoconference";
        WebSession teacher = as(f.teacher);
        String meetingId = ConferenceFlowTest.query(location(teacher.post(tool + "/start"))).get("meetingID");
        control.addParticipants(meetingId, 1);
        Room courseRoom = rooms.courseRoom(f.courseId, "Course " + f.code);
        await().atMost(Duration.ofSeconds(20)).until(() -> rooms.state(courseRoom.id()).participantCount() >= 1);

        WebSession student = as(f.student);
        assertThat(location(student.post(tool + "/join"))).endsWith(tool);
        assertThat(student.get(tool).body()).contains("The room is full: at most 1 participants");
        assertThat(ConferenceFlowTest.query(location(teacher.post(tool + "/join")))).containsEntry("role", "MODERATOR");
        teacher.post(tool + "/end");
    }

    @Test
    void theCourseOptionsBreakoutRoomsAndSlidesAreSentOnCreate() {
        options.saveCourse(f.courseId, new CourseOptions(false, false, null, 45, "Welcome to %%CONFNAME%%",
                "Moderators: record the lesson", "Maths live", new Locks(true, true, true, false, true)));
        String tool = "/courses/" + f.code + "/videoconference";
        WebSession teacher = as(f.teacher);
        teacher.post(tool + "/prepare/breakouts", Map.of("breakouts", "true"));
        Room courseRoom = rooms.courseRoom(f.courseId, "Course " + f.code);
        presentations.upload(courseRoom, "lesson 1.pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII),
                f.userId(f.teacher), "http://localhost:" + port);

        String meetingId = ConferenceFlowTest.query(location(teacher.post(tool + "/start"))).get("meetingID");
        Map<String, String> created = createParams(meetingId);
        assertThat(created).containsEntry("duration", "45").containsEntry("welcome", "Welcome to %%CONFNAME%%")
                .containsEntry("moderatorOnlyMessage", "Moderators: record the lesson")
                .containsEntry("name", "Maths live").containsEntry("muteOnStart", "true")
                .containsEntry("webcamsOnlyForModerator", "true").containsEntry("lockSettingsDisablePrivateChat", "true")
                .containsEntry("lockSettingsDisablePublicChat", "false").containsEntry("lockSettingsDisableNotes", "true")
                .doesNotContainKey("maxParticipants");
        assertThat(created.get("groups")).isEqualTo("[{\"id\":\"1\",\"name\":\"Group Blue\",\"roster\":[\""
                + f.userId(groupMember) + "\",\"" + f.userId(tutor) + "\"]}]");
        assertThat(createDocuments(meetingId)).contains("lesson 1.pdf");

        // while it runs, new slides go in with insertDocument
        long inserts = control.count("insertDocument");
        assertThat(presentations.upload(courseRoom, "extra.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
                0x1A, '\n', 0}, f.userId(f.teacher), "http://localhost:" + port)).isTrue();
        assertThat(control.count("insertDocument")).isEqualTo(inserts + 1);
        teacher.post(tool + "/end");
    }

    @Test
    void largeSlidesAreSentAsAUrlWithAnUnguessableTokenThatServesThemWithoutASession() throws Exception {
        String room = "/courses/" + f.code + "/sessions/" + sessionId + "/room";
        Room sessionRoom = rooms.ensureRoom(RoomKind.SESSION, f.courseId, sessionId, null, null, "session:" + sessionId,
                "Session room");
        byte[] big = new byte[RoomMeetingOptions.INLINE_PRESENTATION_BYTES + 10];
        System.arraycopy("%PDF-1.5".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        presentations.upload(sessionRoom, "big.pdf", big, f.userId(f.coach), "http://localhost:" + port);

        String meetingId = ConferenceFlowTest.query(location(as(f.coach).post(room + "/start"))).get("meetingID");
        assertThat(createDocuments(meetingId)).contains("big.pdf");
        String token = presentations.info(sessionRoom).orElseThrow().token();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/callbacks/presentations/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(big);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/callbacks/presentations/" + PersonalRoomPolicy.newToken())).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        as(f.coach).post(room + "/end");
    }

    @Test
    void slidesAreCheckedBySizeExtensionAndContent() {
        assertThat(RoomPresentations.check("a.pdf", "%PDF-1.7".getBytes())).isEqualTo("application/pdf");
        assertThat(RoomPresentations.check("a.PPTX", new byte[] {'P', 'K', 3, 4, 0})).contains("presentationml");
        assertThat(RoomPresentations.check("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertRefused("a.pdf", new byte[0], RoomPresentations.Problem.EMPTY);
        assertRefused("a.exe", "MZ".getBytes(), RoomPresentations.Problem.TYPE);
        assertRefused("noextension", "%PDF-".getBytes(), RoomPresentations.Problem.TYPE);
        assertRefused("a.pdf", "<html>".getBytes(), RoomPresentations.Problem.CONTENT);
        assertRefused("a.png", "%PDF-1.4".getBytes(), RoomPresentations.Problem.CONTENT);
        assertRefused("a.pdf", new byte[(int) RoomPresentations.MAX_BYTES + 1], RoomPresentations.Problem.TOO_LARGE);
        assertThat(RoomPresentations.safeName("..\\..\\etc/pass<wd>.pdf")).isEqualTo("pass_wd_.pdf");
    }

    @Test
    void aStudentCannotPrepareTheCourseRoom() {
        String tool = "/courses/" + f.code + "/videoconference";
        assertThat(as(f.student).post(tool + "/prepare/breakouts", Map.of("breakouts", "true")).statusCode())
                .isEqualTo(403);
        assertThat(as(f.student).get(tool + "/rooms").body()).doesNotContain("prepare/slides");
        assertThat(as(f.student).post("/courses/" + f.code + "/settings/rooms").statusCode()).isEqualTo(403);
        assertThat(as(f.student).get("/admin/plugins/videoconference/rooms").statusCode()).isEqualTo(403);
    }

    @Test
    void theSettingsSectionsSaveThePluginDefaultsAndTheCourseOverrides() {
        WebSession admin = as(f.admin);
        assertThat(admin.get("/admin/plugins/videoconference/rooms").body()).contains("id=\"rooms-options\"")
                .contains("name=\"_csrf\"");
        admin.post("/admin/plugins/videoconference/rooms", Map.of("groupRooms", "true", "globalRoom", "true",
                "globalAudience", "TEACHERS", "maxParticipants", "40", "moderatorOnlyMessage", "Hi mods",
                "muteOnStart", "true"));
        PluginOptions saved = options.plugin();
        assertThat(saved.groupRoomsEnabled()).isTrue();
        assertThat(saved.globalAudience()).isEqualTo(GlobalAudience.TEACHERS);
        assertThat(saved.maxParticipants()).isEqualTo(40);
        assertThat(saved.locks().muteOnStart()).isTrue();
        assertThat(as(f.teacher).post("/admin/plugins/videoconference/rooms", Map.of("globalRoom", "false"))
                .statusCode()).isEqualTo(403);

        WebSession teacher = as(f.teacher);
        String section = "/courses/" + f.code + "/settings/rooms";
        assertThat(teacher.get(section).body()).contains("id=\"rooms-course-form\"");
        teacher.post(section, Map.of("groupRooms", "true", "maxParticipants", "12", "durationMinutes", "",
                "welcome", "<b>Hello</b> class", "roomName", "Room 101"));
        CourseOptions course = options.course(f.courseId);
        assertThat(course.groupRooms()).isTrue();
        assertThat(course.maxParticipants()).isEqualTo(12);
        assertThat(course.durationMinutes()).isNull();
        assertThat(options.meetingOptions(f.courseId).maxParticipants()).isEqualTo(12);
        assertThat(options.meetingOptions(f.courseId).locks().muteOnStart()).isFalse();
        assertThat(teacher.get(section).body()).contains("&lt;b&gt;Hello&lt;/b&gt; class").doesNotContain("<b>Hello</b>");
        assertThat(as(f.student).get(section).statusCode()).isEqualTo(403);
        assertThat(as(f.outsider).get(section).statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertRefused(String name, byte[] content, RoomPresentations.Problem problem) {
        assertThatThrownBy(() -> RoomPresentations.check(name, content))
                .isInstanceOfSatisfying(RoomPresentations.RefusedException.class, e -> assertThat(e.problem).isEqualTo(problem));
    }

    private String user(String prefix) {
        String username = "rooms-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("insert into app_user (username, password_hash, full_name) values (?, ?, ?)")
                .params(username, encoder.encode(ConferenceFixtures.PASSWORD), "User " + prefix).update();
        return username;
    }

    private static PluginOptions plugin(boolean groupRooms, boolean globalRoom, GlobalAudience audience) {
        return new PluginOptions(groupRooms, globalRoom, audience, 0, "", NO_LOCKS);
    }

    private static CourseOptions course(boolean groupRooms, boolean membersStart, Integer maxParticipants) {
        return new CourseOptions(groupRooms, membersStart, maxParticipants, null, null, null, null, NO_LOCKS);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The create parameters the devserver received for this meeting (its read-only control endpoint). */
    Map<String, String> createParams(String meetingId) {
        String json = controlGet("create-params?meetingID=" + meetingId);
        var params = new java.util.HashMap<String, String>();
        var m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json.substring(json.indexOf("\"params\":{") + 10, json.indexOf("},\"documents\"")));
        while (m.find()) {
            params.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return params;
    }

    String createDocuments(String meetingId) {
        String json = controlGet("create-params?meetingID=" + meetingId);
        return json.substring(json.indexOf("\"documents\":"));
    }

    private String controlGet(String operation) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(devBbb.url() + "/control/" + operation))
                    .header("X-Devserver-Secret", devBbb.secret()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'u') {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(switch (n) { case 'n' -> '\n'; case 't' -> '\t'; case 'r' -> '\r'; default -> n; });
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

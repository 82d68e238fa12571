package org.aula;

import static org.aula.RouteAccessTest.Expect.FORBIDDEN;
import static org.aula.RouteAccessTest.Expect.LOGIN;
import static org.aula.RouteAccessTest.Expect.NOT_FOUND;
import static org.aula.RouteAccessTest.Expect.OK;
import static org.aula.RouteAccessTest.Expect.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aula.course.CourseRepository;
import org.aula.support.WebTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Who may open which route: every route of the app, for every kind of visitor. Add a row to {@link #ROUTES} for each
 * new route. Path placeholders in braces are filled in from {@link #placeholders} (ids of the demo data and of
 * OTHER201, a course the demo users have nothing to do with).
 *
 * <p>Columns of a row, in order: anonymous, outsider (no course at all), student (of DEMO101), teacher of another
 * course (OTHER201), coach of another course's session (OTHER201), admin.
 */
class RouteAccessTest extends WebTest {

    enum Who { ANONYMOUS, OUTSIDER, STUDENT, OTHER_TEACHER, OTHER_COACH, ADMIN }

    enum Expect {
        /** 200 */
        OK,
        /** redirect to the login page */
        LOGIN,
        /** 403 */
        FORBIDDEN,
        /** 404: the thing is none of this user's business, or does not exist */
        NOT_FOUND,
        /** any redirect other than to the login page (e.g. post-redirect-get) */
        REDIRECT
    }

    /** One route and what each kind of visitor gets; POST routes are sent with a valid CSRF token. */
    record Route(HttpMethod method, String path, Map<Who, Expect> expected) {

        Route(HttpMethod method, String path, Expect anonymous, Expect outsider, Expect student,
              Expect otherTeacher, Expect otherCoach, Expect admin) {
            this(method, path, map(anonymous, outsider, student, otherTeacher, otherCoach, admin));
        }

        private static Map<Who, Expect> map(Expect... expects) {
            var map = new EnumMap<Who, Expect>(Who.class);
            for (Who who : Who.values()) {
                map.put(who, expects[who.ordinal()]);
            }
            return map;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Route get(String path, Expect anonymous, Expect outsider, Expect student, Expect otherTeacher,
                     Expect otherCoach, Expect admin) {
        return new Route(HttpMethod.GET, path, anonymous, outsider, student, otherTeacher, otherCoach, admin);
    }

    /** Admin pages: anonymous visitors sign in first, signed-in non-admins are refused. */
    static Route adminOnly(HttpMethod method, String path, Expect forAdmin) {
        return new Route(method, path, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, forAdmin);
    }

    /** Pages for every signed-in user. */
    static Route signedIn(String path) {
        return get(path, LOGIN, OK, OK, OK, OK, OK);
    }

    static final List<Route> ROUTES = new ArrayList<>(List.of(
            // Platform
            get("/login", OK, OK, OK, OK, OK, OK),
            signedIn("/"),
            signedIn("/profile"),
            get("/courses/DEMO101", LOGIN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, OK),
            get("/courses/OTHER201", LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK),
            get("/courses/NO-SUCH-COURSE", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            // Administration
            adminOnly(HttpMethod.GET, "/admin", OK),
            adminOnly(HttpMethod.GET, "/admin/users", OK),
            adminOnly(HttpMethod.GET, "/admin/users?q=stud&page=2", OK),
            adminOnly(HttpMethod.GET, "/admin/users/new", OK),
            adminOnly(HttpMethod.GET, "/admin/users/{studentId}", OK),
            adminOnly(HttpMethod.GET, "/admin/users/{studentId}/delete", OK),
            adminOnly(HttpMethod.GET, "/admin/users/999999999", NOT_FOUND),
            // invalid on purpose, so that the admin's request changes nothing (the form comes back with errors)
            adminOnly(HttpMethod.POST, "/admin/users", OK),
            adminOnly(HttpMethod.GET, "/admin/courses", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/new", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/delete", OK),
            adminOnly(HttpMethod.POST, "/admin/courses", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/sessions/new", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/sessions/{demoSessionId}", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/sessions/{demoSessionId}/delete", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{otherCourseId}/sessions/{demoSessionId}", NOT_FOUND),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/groups/new", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/groups/{demoGroupId}", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{demoCourseId}/groups/{demoGroupId}/delete", OK),
            adminOnly(HttpMethod.GET, "/admin/courses/{otherCourseId}/groups/{demoGroupId}", NOT_FOUND),
            adminOnly(HttpMethod.GET, "/admin/import", OK),
            adminOnly(HttpMethod.GET, "/admin/import/example.csv", OK),
            adminOnly(HttpMethod.GET, "/admin/audit", OK),
            adminOnly(HttpMethod.GET, "/admin/audit?page=999", OK),
            adminOnly(HttpMethod.GET, "/admin/no-such-page", NOT_FOUND),
            // Videoconference plugin (admin) and course tool. Rows run in order: the admin's start opens the DEMO101
            // room, the joins find it open, the admin's end closes it again.
            adminOnly(HttpMethod.GET, "/admin/plugins/videoconference", OK),
            // invalid on purpose (negative duration): the admin's request changes nothing
            adminOnly(HttpMethod.POST, "/admin/plugins/videoconference?defaultDurationMinutes=-1", OK),
            // no server URL: answers "not valid" without calling anything
            adminOnly(HttpMethod.POST, "/admin/plugins/videoconference/test", OK),
            get("/courses/DEMO101/videoconference", LOGIN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, OK),
            get("/courses/OTHER201/videoconference", LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK),
            get("/courses/NO-SUCH-COURSE/videoconference", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            new Route(HttpMethod.POST, "/courses/DEMO101/videoconference/start",
                    LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, REDIRECT),
            new Route(HttpMethod.POST, "/courses/DEMO101/videoconference/join",
                    LOGIN, NOT_FOUND, REDIRECT, NOT_FOUND, NOT_FOUND, REDIRECT),
            get("/courses/DEMO101/videoconference/join", LOGIN, NOT_FOUND, REDIRECT, NOT_FOUND, NOT_FOUND, REDIRECT),
            get("/courses/DEMO101/videoconference/events", LOGIN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, OK),
            new Route(HttpMethod.POST, "/courses/DEMO101/videoconference/end",
                    LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, REDIRECT),
            // the shared room routes below the course room (the tool page uses prepare/slides, same rule)
            new Route(HttpMethod.POST, "/courses/DEMO101/videoconference/slides/delete",
                    LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, REDIRECT),
            // BBB's meeting-ended callback: public, but nothing without the meeting's token
            get("/callbacks/meetings/no-such-meeting/ended?token=forged",
                    NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)
    ));

    static Stream<Arguments> cases() {
        return ROUTES.stream().flatMap(route -> Stream.of(Who.values())
                .map(who -> Arguments.of(route, who, route.expected().get(who))));
    }

    private static final Map<Who, String> USERNAMES = Map.of(
            Who.OUTSIDER, "outsider", Who.STUDENT, "student", Who.OTHER_TEACHER, "rat_other_teacher",
            Who.OTHER_COACH, "rat_other_coach", Who.ADMIN, "admin");

    /** Not a BCrypt hash of anything: these accounts exist for MockMvc only and can never sign in for real. */
    private static final String NO_LOGIN_HASH = "{noop-never}";

    /** Filled once per test JVM: the data is shared by all rows. */
    private static final Map<String, String> placeholders = new HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired CourseRepository courses;
    @org.springframework.beans.factory.annotation.Autowired UserRepository users;

    @BeforeEach
    void otherCourseAndIds() {
        if (!placeholders.isEmpty()) {
            return;
        }
        long teacher = users.findByUsername("rat_other_teacher").map(u -> u.id())
                .orElseGet(() -> users.create("rat_other_teacher", NO_LOGIN_HASH, "Other Teacher", null, false));
        long coach = users.findByUsername("rat_other_coach").map(u -> u.id())
                .orElseGet(() -> users.create("rat_other_coach", NO_LOGIN_HASH, "Other Coach", null, false));
        long other = courses.findByCode("OTHER201").map(c -> c.id())
                .orElseGet(() -> courses.create("OTHER201", "Another course"));
        long otherSession = courses.findSessionByName(other, "OTHER201 run").map(s -> s.id())
                .orElseGet(() -> courses.createSession(other, "OTHER201 run", null, null));
        courses.putCourseMember(other, teacher, "TEACHER");
        courses.putSessionMember(otherSession, coach, "COACH");

        long demo = courses.findByCode("DEMO101").orElseThrow().id();
        placeholders.put("demoCourseId", String.valueOf(demo));
        placeholders.put("demoSessionId", String.valueOf(courses.findSessions(demo).getFirst().id()));
        placeholders.put("demoGroupId", String.valueOf(courses.findGroupByName(demo, "Group A").orElseThrow().id()));
        placeholders.put("otherCourseId", String.valueOf(other));
        placeholders.put("studentId", String.valueOf(users.findByUsername("student").orElseThrow().id()));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cases")
    void everyRouteAnswersEveryVisitorAsIntended(Route route, Who who, Expect expected) throws Exception {
        String path = route.path();
        for (var placeholder : placeholders.entrySet()) {
            path = path.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), path);
        if (route.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        if (who != Who.ANONYMOUS) {
            request.with(as(USERNAMES.get(who)));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        switch (expected) {
            case OK -> assertThat(status).as("status").isEqualTo(200);
            case FORBIDDEN -> assertThat(status).as("status").isEqualTo(403);
            case NOT_FOUND -> assertThat(status).as("status").isEqualTo(404);
            case LOGIN -> {
                assertThat(status).as("status").isEqualTo(302);
                assertThat(location).as("redirect").endsWith("/login");
            }
            case REDIRECT -> {
                assertThat(status).as("status").isBetween(300, 399);
                assertThat(location).as("redirect").doesNotEndWith("/login");
            }
        }
    }
}

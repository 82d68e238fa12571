package org.aula.demo;

import java.time.LocalDate;
import java.util.List;
import org.aula.course.CourseRepository;
import org.aula.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode (profile {@code demo}): seeds well-known accounts and the course DEMO101 so that a fresh start can be
 * tried out at once. Runs after all beans exist but before the web server accepts requests, so the first request
 * and every other start-up task already see the data. Idempotent: only what is missing is created, and what an
 * admin changed later (a password, a name) is left alone.
 */
@Component
@ConditionalOnProperty(name = "aula.demo.enabled", havingValue = "true")
class DemoDataSeeder implements SmartInitializingSingleton {

    /** The one password that may appear in logs and docs: it is public by design and only exists in demo mode. */
    static final String DEMO_PASSWORD = "demo";
    static final String COURSE_CODE = "DEMO101";
    static final String SESSION_NAME = "DEMO101 – Spring 2027";
    static final String GROUP_NAME = "Group A";

    record DemoAccount(String username, String fullName, boolean admin) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "Ada Verhoeven", true),
            new DemoAccount("teacher", "Thomas Jansen", false),
            new DemoAccount("coach", "Carla Bakker", false),
            new DemoAccount("student", "Sam de Wit", false),
            new DemoAccount("student2", "Noor El Amrani", false),
            new DemoAccount("outsider", "Olivier Peeters", false));

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final UserRepository users;
    private final CourseRepository courses;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;

    DemoDataSeeder(UserRepository users, CourseRepository courses, PasswordEncoder passwordEncoder,
                   TransactionTemplate transaction) {
        this.users = users;
        this.courses = courses;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> seed());
        announce();
    }

    void seed() {
        for (DemoAccount account : ACCOUNTS) {
            if (users.findByUsername(account.username()).isEmpty()) {
                users.create(account.username(), passwordEncoder.encode(DEMO_PASSWORD), account.fullName(),
                        account.username() + "@demo.aula.example", account.admin());
            }
        }
        long courseId = courses.findByCode(COURSE_CODE).map(c -> c.id())
                .orElseGet(() -> courses.create(COURSE_CODE, "Introduction to Videoconferencing"));
        enrolOnce(courseId, "teacher", "TEACHER");
        enrolOnce(courseId, "student", "STUDENT");
        enrolOnce(courseId, "student2", "STUDENT");

        long sessionId = courses.findSessionByName(courseId, SESSION_NAME).map(s -> s.id())
                .orElseGet(() -> courses.createSession(courseId, SESSION_NAME,
                        LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 30)));
        long coachId = userId("coach");
        if (courses.sessionMembers(sessionId).stream().noneMatch(m -> m.userId() == coachId)) {
            courses.putSessionMember(sessionId, coachId, "COACH");
        }
        for (String student : List.of("student", "student2")) {
            long id = userId(student);
            if (courses.sessionMembers(sessionId).stream().noneMatch(m -> m.userId() == id)) {
                courses.putSessionMember(sessionId, id, "STUDENT");
            }
        }

        long groupId = courses.findGroupByName(courseId, GROUP_NAME).map(g -> g.id())
                .orElseGet(() -> courses.createGroup(courseId, null, GROUP_NAME));
        long studentId = userId("student");
        if (courses.groupRole(groupId, studentId).isEmpty()) {
            courses.putGroupMember(groupId, studentId, "MEMBER");
        }
    }

    /** Adds the membership unless the user already has one (an admin may have changed the role on purpose). */
    private void enrolOnce(long courseId, String username, String role) {
        long id = userId(username);
        if (courses.courseMembers(courseId).stream().noneMatch(m -> m.userId() == id)) {
            courses.putCourseMember(courseId, id, role);
        }
    }

    private long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private void announce() {
        String names = String.join(", ", ACCOUNTS.stream().map(DemoAccount::username).toList());
        log.warn("""

                ****************************************************************************
                *  DEMO MODE - NOT FOR PRODUCTION                                          *
                *  Seeded accounts: {}
                *  Every demo account has the password "{}" (the admin account included).
                *  Demo course {} with a session and "{}".
                *  Anyone who knows this can sign in as admin: never expose this instance. *
                *  Start without the 'demo' profile (aula.demo.enabled=false) for real use.*
                ****************************************************************************""",
                names, DEMO_PASSWORD, COURSE_CODE, GROUP_NAME);
    }
}

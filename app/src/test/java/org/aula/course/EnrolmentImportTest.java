package org.aula.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aula.course.EnrolmentImport.LineError;
import org.aula.support.WebTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class EnrolmentImportTest extends WebTest {

    static final String HEADER = "username,full_name,email,password,course,role,session,group\n";

    @Autowired EnrolmentImport enrolmentImport;
    @Autowired CourseRepository courses;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    long courseId;
    long sessionId;
    long groupId;

    @BeforeEach
    void importTargets() {
        courseId = courses.findByCode("IMP101").map(Course::id).orElseGet(() -> courses.create("IMP101", "Import"));
        sessionId = courses.findSessionByName(courseId, "Run 1").map(CourseSession::id)
                .orElseGet(() -> courses.createSession(courseId, "Run 1", null, null));
        groupId = courses.findGroupByName(courseId, "Team A").map(CourseGroup::id)
                .orElseGet(() -> courses.createGroup(courseId, null, "Team A"));
    }

    @Test
    void importsUsersAndEnrolmentsFromASpreadsheetExport() {
        courses.create("IMP102", "Import two");
        users.create("imp_existing", passwordEncoder.encode("existing-pass"), "Existing", null, false);
        // BOM, semicolons, CRLF, quoted fields with a separator and doubled quotes, columns in another order.
        String csv = "\uFEFFfull_name;username;email;password;course;role;session;group\r\n"
                + "\"Eva \"\"Evi\"\" Smit\";imp_eva;eva@example.org;eva-secret-1;IMP101;student;Run 1;Team A\r\n"
                + "\"Lee; Kim\";imp_lee;;;IMP101;teacher;;\r\n"
                + "Ron Coach;imp_ron;;;imp101;coach;run 1;\r\n"
                + "Tia Tutor;imp_tia;;tia-secret-1;IMP101;tutor;;Team A\r\n"
                + "Tia Tutor;imp_tia;;tia-secret-1;IMP102;student;;\r\n"
                + "Existing Renamed;IMP_EXISTING;;;IMP101;student;;\r\n"
                + "Just Account;imp_plain;;;;;;\r\n";
        var outcome = enrolmentImport.run(csv.getBytes(StandardCharsets.UTF_8), "admin");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.summary()).isEqualTo(new EnrolmentImport.Summary(7, 5, 1, 9,
                List.of("imp_lee", "imp_ron", "imp_plain")));

        assertThat(users.findByUsername("imp_eva").orElseThrow().fullName()).isEqualTo("Eva \"Evi\" Smit");
        assertThat(users.findByUsername("imp_lee").orElseThrow().fullName()).isEqualTo("Lee; Kim");
        assertThat(users.findByUsername("imp_existing").orElseThrow().fullName()).isEqualTo("Existing Renamed");
        assertThat(passwordEncoder.matches("existing-pass", password("imp_existing")))
                .as("existing password kept").isTrue();
        assertThat(passwordEncoder.matches("eva-secret-1", password("imp_eva"))).isTrue();
        assertThat(users.hasPassword(users.findByUsername("imp_lee").orElseThrow().id())).isFalse();

        assertThat(courses.courseMembers(courseId)).extracting(m -> m.username() + ":" + m.role())
                .contains("imp_lee:TEACHER", "imp_eva:STUDENT", "imp_tia:STUDENT", "imp_existing:STUDENT")
                .doesNotContain("imp_ron:STUDENT", "imp_plain:STUDENT");
        assertThat(courses.sessionMembers(sessionId)).extracting(m -> m.username() + ":" + m.role())
                .contains("imp_eva:STUDENT", "imp_ron:COACH");
        assertThat(courses.groupMembers(groupId)).extracting(m -> m.username() + ":" + m.role())
                .contains("imp_eva:MEMBER", "imp_tia:TUTOR");
        assertThat(courses.courseMembers(courses.findByCode("IMP102").orElseThrow().id()))
                .extracting(m -> m.username()).containsExactly("imp_tia");

        // Importing the same file again creates nothing new and adds no enrolments.
        var again = enrolmentImport.run(csv.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(again.summary()).isEqualTo(new EnrolmentImport.Summary(7, 0, 6, 0, List.of()));
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndImportsNothing() {
        long usersBefore = count("app_user");
        long membersBefore = count("course_member") + count("session_member") + count("group_member");
        String csv = HEADER
                + "imp_ok1,Good Person,ok1@example.org,,IMP101,student,,\n"                // 2 ok
                + "imp_x3,X,x@example.org,,NOPE999,student,,\n"                           // 3 unknown course
                + "imp_x4,X,,,IMP101,principal,,\n"                                       // 4 bad role
                + "imp_x5,,,,,,,\n"                                                       // 5 missing full name
                + "imp_x6,X,not-an-email,,,,,\n"                                          // 6 invalid email
                + "imp_x7," + "N".repeat(201) + ",,,,,,\n"                                // 7 too long
                + "imp_x8,X,,,IMP101,student,No such run,\n"                              // 8 unknown session
                + "imp_x9,X,,,IMP101,student,,No such team\n"                             // 9 unknown group
                + "imp_x10,X,,,IMP101,coach,,\n"                                          // 10 coach without session
                + "imp_x11,X,,,,,,Team A\n"                                               // 11 group without course
                + "imp_ok1,Someone Else,,,IMP101,teacher,,\n"                             // 12 duplicate username
                + ",X,,,,,,\n"                                                            // 13 missing username
                + "imp x14,X,,,,,,\n"                                                     // 14 bad username
                + "imp_x15,X,,short,,,,\n"                                                // 15 bad password
                + "imp_x16,X,,,IMP101,,,\n"                                               // 16 missing role
                + "imp_x17,X,,,IMP101,tutor,,\n"                                          // 17 tutor without group
                + "imp_x18,X,,,IMP101,teacher,Run 1,\n"                                   // 18 teacher with session
                + "imp_x19,X,,,,,,,extra\n"                                               // 19 too many fields
                + "imp_ok1,Good Person,ok1@example.org,,IMP101,student,,\n";              // 20 same line again
        var outcome = enrolmentImport.run(csv.getBytes(StandardCharsets.UTF_8), "admin");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.errors()).extracting(e -> e.line() + " " + e.code()).containsExactly(
                "3 unknownCourse", "4 badRole", "5 missingFullName", "6 badEmail", "7 tooLong", "8 unknownSession",
                "9 unknownGroup", "10 coachNeedsSession", "11 needsCourse", "12 duplicateUsername",
                "13 missingUsername", "14 badUsername", "15 badPassword", "16 missingRole", "17 tutorNeedsGroup",
                "18 teacherNoSession", "19 tooManyFields", "20 duplicateLine");
        assertThat(outcome.errors().get(9).args()).containsExactly("imp_ok1", 2);
        assertThat(count("app_user")).isEqualTo(usersBefore);
        assertThat(count("course_member") + count("session_member") + count("group_member")).isEqualTo(membersBefore);
        assertThat(users.findByUsername("imp_ok1")).as("the good line is not imported either").isEmpty();
    }

    @Test
    void oneBadLineAmongGoodOnesChangesNothingAtAll() {
        String csv = HEADER
                + "imp_atom1,Atom One,,atom-pass-1,IMP101,student,,\n"
                + "student,Renamed Student,,,IMP101,student,,\n"
                + "imp_atom3,Atom Three,,,IMP999,student,,\n";
        var outcome = enrolmentImport.run(csv.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(outcome.errors()).containsExactly(new LineError(4, "unknownCourse", "IMP999"));
        assertThat(users.findByUsername("imp_atom1")).isEmpty();
        assertThat(users.findByUsername("student").orElseThrow().fullName()).isEqualTo("Sam de Wit");
    }

    @Test
    void fileLevelProblemsAreReported() {
        assertThat(run("user,full_name\nx,y\n")).containsExactly(
                new LineError(1, "unknownColumn", "user", String.join(",", EnrolmentImport.COLUMNS)),
                new LineError(1, "missingColumn", "username"));
        assertThat(run("")).containsExactly(new LineError(0, "empty"));
        assertThat(run(HEADER)).containsExactly(new LineError(0, "noData"));
        // A quoted field over two physical lines: the next line's number still matches the editor.
        assertThat(run(HEADER + "imp_q1,\"Multi\nLine\",,,,,,\nimp_q2,X,bad,,,,,\nimp_q3,\"open,,,,,,\n"))
                .containsExactly(new LineError(5, "unterminatedQuote"));
        assertThat(run(HEADER + "imp_q1,\"Multi\nLine\",,,,,,\nimp_q2,X,bad,,,,,\n"))
                .containsExactly(new LineError(4, "badEmail", "bad"));
        byte[] latin1 = (HEADER + "imp_l1,Jos\u00e9,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(enrolmentImport.run(latin1, "admin").errors()).containsExactly(new LineError(0, "notUtf8"));
        byte[] huge = new byte[EnrolmentImport.MAX_BYTES + 1];
        assertThat(enrolmentImport.run(huge, "admin").errors()).containsExactly(new LineError(0, "tooLarge", 1024));
    }

    @Test
    void uploadPageShowsLineNumberedErrorsThenTheSummary() throws Exception {
        String bad = HEADER + "imp_web1,Web One,,,IMP101,student,,\nimp_web2,Web Two,,,IMP101,boss,,\n";
        mvc.perform(multipart("/admin/import").file(csvFile(bad)).with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("Line 3")))
                .andExpect(content().string(containsString("Unknown role &quot;boss&quot;")))
                .andExpect(content().string(not(containsString("id=\"import-summary\""))));
        assertThat(users.findByUsername("imp_web1")).isEmpty();

        String good = HEADER + "imp_web1,Web One,,,IMP101,student,,\nimp_web2,Web Two,,,IMP101,student,,\n";
        mvc.perform(multipart("/admin/import").file(csvFile(good)).with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Users created: 2")))
                .andExpect(content().string(containsString("Enrolments added: 2")))
                .andExpect(content().string(containsString("cannot sign in until an administrator sets one")));
        assertThat(users.findByUsername("imp_web2")).isPresent();

        mvc.perform(multipart("/admin/import").with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a CSV file to upload.")));
        mvc.perform(multipart("/admin/import").file(csvFile(good)).with(as("teacher")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExampleFileDownloadsAndImportsIntoTheDemoCourse() throws Exception {
        byte[] example = mvc.perform(get("/admin/import/example.csv").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("aula-import-example.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        // Rolled back afterwards: other tests rely on DEMO101 exactly as seeded.
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            var outcome = enrolmentImport.run(example, "admin");
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.summary().usersCreated()).isEqualTo(4);
            assertThat(users.findByUsername("lmartin").orElseThrow().fullName()).isEqualTo("Martin, Lucas");
            tx.setRollbackOnly();
        });
        assertThat(users.findByUsername("lmartin")).isEmpty();
    }

    private List<LineError> run(String csv) {
        return enrolmentImport.run(csv.getBytes(StandardCharsets.UTF_8), "admin").errors();
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String password(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

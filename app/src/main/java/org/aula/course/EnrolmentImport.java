package org.aula.course;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aula.audit.AuditLog;
import org.aula.user.AppUser;
import org.aula.user.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports users and their enrolments from one CSV file. All or nothing: every line is checked first and every
 * problem reported with its line number; only a file without any problem changes anything, in one transaction.
 *
 * <p>Roles: {@code teacher} teaches the course; {@code student} studies it (and the session, when given);
 * {@code coach} coaches the given session; {@code tutor} tutors the given group (and joins the course as a
 * student when not in it yet, so that they can reach the group). A group with any other role adds a member.
 */
@Service
class EnrolmentImport {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_LINES = 5000;
    static final List<String> COLUMNS =
            List.of("username", "full_name", "email", "password", "course", "role", "session", "group");
    static final List<String> ROLES = List.of("teacher", "student", "coach", "tutor");

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A problem with one line (line 0: the whole file); the code is a message key under platform.import.error. */
    record LineError(int line, String code, List<Object> args) {
        LineError(int line, String code, Object... args) {
            this(line, code, List.of(args));
        }
    }

    record Summary(int lines, int usersCreated, int usersUpdated, int enrolmentsAdded,
                   List<String> usersWithoutPassword) {
    }

    /** Either errors (and nothing changed) or a summary of what was imported. */
    record Outcome(List<LineError> errors, Summary summary) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Line(int line, String username, String fullName, String email, String password, Course course,
                        String role, CourseSession session, CourseGroup group) {

        String enrolmentKey() {
            return (course == null ? "" : course.id()) + "/" + role + "/" + (session == null ? "" : session.id())
                    + "/" + (group == null ? "" : group.id());
        }
    }

    private final UserRepository users;
    private final CourseRepository courses;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;

    EnrolmentImport(UserRepository users, CourseRepository courses, PasswordEncoder passwordEncoder,
                    AuditLog auditLog) {
        this.users = users;
        this.courses = courses;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
    }

    @Transactional
    Outcome run(byte[] content, String actor) {
        var errors = new ArrayList<LineError>();
        List<Line> lines = check(content, errors);
        if (!errors.isEmpty()) {
            return new Outcome(List.copyOf(errors), null);
        }
        Summary summary = apply(lines);
        auditLog.record(actor, "import.csv", "users",
                summary.lines() + " lines: " + summary.usersCreated() + " users created, " + summary.usersUpdated()
                        + " updated, " + summary.enrolmentsAdded() + " enrolments added");
        return new Outcome(List.of(), summary);
    }

    private List<Line> check(byte[] content, List<LineError> errors) {
        if (content.length > MAX_BYTES) {
            errors.add(new LineError(0, "tooLarge", MAX_BYTES / 1024));
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new LineError(0, "notUtf8"));
            return List.of();
        }
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvTable.MalformedCsvException e) {
            errors.add(new LineError(e.line(), "unterminatedQuote"));
            return List.of();
        }
        if (table.rows().isEmpty()) {
            errors.add(new LineError(0, "empty"));
            return List.of();
        }
        Map<String, Integer> columns = header(table.rows().getFirst(), errors);
        if (!errors.isEmpty()) {
            return List.of();
        }
        var data = table.rows().subList(1, table.rows().size());
        if (data.isEmpty()) {
            errors.add(new LineError(0, "noData"));
            return List.of();
        }
        if (data.size() > MAX_LINES) {
            errors.add(new LineError(0, "tooManyLines", MAX_LINES));
            return List.of();
        }
        var lines = new ArrayList<Line>();
        Map<String, Line> firstByUsername = new HashMap<>();
        Map<String, Integer> enrolmentLines = new HashMap<>();
        Map<String, Optional<Course>> courseCache = new HashMap<>();
        for (CsvTable.Row row : data) {
            Line line = checkRow(row, columns, errors, courseCache);
            if (line == null) {
                continue;
            }
            String key = line.username().toLowerCase(Locale.ROOT);
            Line first = firstByUsername.putIfAbsent(key, line);
            if (first != null && !sameDetails(first, line)) {
                errors.add(new LineError(row.line(), "duplicateUsername", line.username(), first.line()));
                continue;
            }
            Integer sameEnrolment = enrolmentLines.putIfAbsent(key + "|" + line.enrolmentKey(), row.line());
            if (sameEnrolment != null) {
                errors.add(new LineError(row.line(), "duplicateLine", line.username(), sameEnrolment));
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    private static Map<String, Integer> header(CsvTable.Row header, List<LineError> errors) {
        var columns = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.field(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new LineError(header.line(), "unknownColumn", name, String.join(",", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new LineError(header.line(), "duplicateColumn", name));
            }
        }
        for (String required : List.of("username", "full_name")) {
            if (!columns.containsKey(required)) {
                errors.add(new LineError(header.line(), "missingColumn", required));
            }
        }
        return columns;
    }

    private Line checkRow(CsvTable.Row row, Map<String, Integer> columns, List<LineError> errors,
                          Map<String, Optional<Course>> courseCache) {
        int n = row.line();
        int before = errors.size();
        if (row.fields().size() > columns.size()) {
            errors.add(new LineError(n, "tooManyFields", columns.size(), row.fields().size()));
            return null;
        }
        String username = value(row, columns, "username");
        String fullName = value(row, columns, "full_name");
        String email = value(row, columns, "email");
        String password = value(row, columns, "password");
        String courseCode = value(row, columns, "course");
        String roleName = value(row, columns, "role").toLowerCase(Locale.ROOT);
        String sessionName = value(row, columns, "session");
        String groupName = value(row, columns, "group");

        if (username.isEmpty()) {
            errors.add(new LineError(n, "missingUsername"));
        } else if (username.length() > 100) {
            errors.add(new LineError(n, "tooLong", "username", 100));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new LineError(n, "badUsername", username));
        }
        if (fullName.isEmpty()) {
            errors.add(new LineError(n, "missingFullName"));
        } else if (fullName.length() > 200) {
            errors.add(new LineError(n, "tooLong", "full_name", 200));
        }
        if (email.length() > 200) {
            errors.add(new LineError(n, "tooLong", "email", 200));
        } else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add(new LineError(n, "badEmail", email));
        }
        if (!password.isEmpty() && (password.length() < 8 || password.length() > 72)) {
            errors.add(new LineError(n, "badPassword", 8, 72));
        }
        if (!roleName.isEmpty() && !ROLES.contains(roleName)) {
            errors.add(new LineError(n, "badRole", roleName, String.join(", ", ROLES)));
        }

        Course course = null;
        CourseSession session = null;
        CourseGroup group = null;
        if (courseCode.isEmpty()) {
            if (!roleName.isEmpty() || !sessionName.isEmpty() || !groupName.isEmpty()) {
                errors.add(new LineError(n, "needsCourse"));
            }
        } else {
            course = courseCache.computeIfAbsent(courseCode, courses::findByCodeIgnoringCase).orElse(null);
            if (course == null) {
                errors.add(new LineError(n, "unknownCourse", courseCode));
            } else {
                if (roleName.isEmpty()) {
                    errors.add(new LineError(n, "missingRole"));
                }
                if (!sessionName.isEmpty()) {
                    session = courses.findSessionByName(course.id(), sessionName).orElse(null);
                    if (session == null) {
                        errors.add(new LineError(n, "unknownSession", sessionName, course.code()));
                    }
                }
                if (!groupName.isEmpty()) {
                    group = courses.findGroupByName(course.id(), groupName).orElse(null);
                    if (group == null) {
                        errors.add(new LineError(n, "unknownGroup", groupName, course.code()));
                    }
                }
            }
        }
        if ("coach".equals(roleName) && sessionName.isEmpty()) {
            errors.add(new LineError(n, "coachNeedsSession"));
        }
        if ("tutor".equals(roleName) && groupName.isEmpty()) {
            errors.add(new LineError(n, "tutorNeedsGroup"));
        }
        if ("teacher".equals(roleName) && !sessionName.isEmpty()) {
            errors.add(new LineError(n, "teacherNoSession"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Line(n, username, fullName, email, password, course, roleName.toUpperCase(Locale.ROOT), session,
                group);
    }

    private static String value(CsvTable.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.field(index);
    }

    /** A username may repeat to enrol the same person several times, but only with the same personal details. */
    private static boolean sameDetails(Line a, Line b) {
        return a.fullName().equals(b.fullName()) && a.email().equalsIgnoreCase(b.email())
                && a.password().equals(b.password());
    }

    private Summary apply(List<Line> lines) {
        int created = 0;
        int updated = 0;
        int enrolments = 0;
        var withoutPassword = new ArrayList<String>();
        Map<String, Long> done = new HashMap<>();
        for (Line line : lines) {
            String key = line.username().toLowerCase(Locale.ROOT);
            Long userId = done.get(key);
            if (userId == null) {
                Optional<AppUser> existing = users.findByUsername(line.username());
                String hash = line.password().isEmpty() ? null : passwordEncoder.encode(line.password());
                if (existing.isPresent()) {
                    userId = existing.get().id();
                    users.updateNameAndEmail(userId, line.fullName(),
                            line.email().isEmpty() ? existing.get().email() : line.email());
                    if (hash != null) {
                        users.updatePasswordHash(userId, hash);
                    }
                    updated++;
                } else {
                    userId = users.create(line.username(), hash, line.fullName(),
                            line.email().isEmpty() ? null : line.email(), false);
                    created++;
                    if (hash == null) {
                        withoutPassword.add(line.username());
                    }
                }
                done.put(key, userId);
            }
            if (line.course() != null) {
                enrolments += enrol(line, userId);
            }
        }
        return new Summary(lines.size(), created, updated, enrolments, List.copyOf(withoutPassword));
    }

    /** Applies one line's memberships; returns how many of them are new (or changed role). */
    private int enrol(Line line, long userId) {
        long courseId = line.course().id();
        int added = 0;
        switch (line.role()) {
            case "TEACHER" -> added += putCourse(courseId, userId, "TEACHER");
            case "STUDENT" -> {
                added += putCourse(courseId, userId, "STUDENT");
                if (line.session() != null) {
                    added += putSession(line.session().id(), userId, "STUDENT");
                }
            }
            case "COACH" -> added += putSession(line.session().id(), userId, "COACH");
            case "TUTOR" -> {
                if (courses.courseRole(courseId, userId).isEmpty()) {
                    added += putCourse(courseId, userId, "STUDENT");
                }
                if (line.session() != null) {
                    added += putSession(line.session().id(), userId, "STUDENT");
                }
            }
            default -> throw new IllegalStateException("checked before: " + line.role());
        }
        if (line.group() != null) {
            String groupRole = "TUTOR".equals(line.role()) ? "TUTOR" : "MEMBER";
            if (!Objects.equals(courses.groupRole(line.group().id(), userId).orElse(null), groupRole)) {
                courses.putGroupMember(line.group().id(), userId, groupRole);
                added++;
            }
        }
        return added;
    }

    private int putCourse(long courseId, long userId, String role) {
        if (role.equals(courses.courseRole(courseId, userId).orElse(null))) {
            return 0;
        }
        courses.putCourseMember(courseId, userId, role);
        return 1;
    }

    private int putSession(long sessionId, long userId, String role) {
        if (role.equals(courses.sessionRole(sessionId, userId).orElse(null))) {
            return 0;
        }
        courses.putSessionMember(sessionId, userId, role);
        return 1;
    }
}

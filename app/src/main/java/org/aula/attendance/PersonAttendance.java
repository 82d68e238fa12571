package org.aula.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's attendance in one meeting, from their intervals.
 *
 * @param role MODERATOR when they were a moderator in any interval, else VIEWER
 * @param lastLeave null while they are still in the (open) meeting
 * @param present the time actually present: overlapping intervals (two tabs) count once
 * @param joins how many times they joined (intervals)
 * @param spans their presence as merged, non-overlapping spans, open ones ending at the cut-off
 */
public record PersonAttendance(Long userId, String externalUserId, String name, String role, Instant firstJoin,
                               Instant lastLeave, Duration present, int joins, List<Span> spans) {

    public record Span(Instant from, Instant to) {
    }

    /** Minutes present with one decimal (rounded half up), e.g. 12.5. */
    public BigDecimal minutes() {
        return BigDecimal.valueOf(present.toSeconds()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    public long seconds() {
        return present.toSeconds();
    }

    public boolean isModerator() {
        return AttendanceInterval.MODERATOR.equals(role);
    }

    /**
     * Groups intervals by person (the Aula user, else the external id) and sums their presence.
     *
     * @param cutOff where still-open intervals end for the sums: the meeting's end, or now while it runs
     * @return people ordered by first join, then name
     */
    public static List<PersonAttendance> of(List<AttendanceInterval> intervals, Instant cutOff) {
        Map<String, List<AttendanceInterval>> byPerson = new LinkedHashMap<>();
        for (AttendanceInterval i : intervals) {
            String key = i.userId() != null ? "u:" + i.userId() : "x:" + i.externalUserId();
            byPerson.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<PersonAttendance> people = new ArrayList<>();
        for (List<AttendanceInterval> own : byPerson.values()) {
            own.sort(Comparator.comparing(AttendanceInterval::joinedAt));
            AttendanceInterval latest = own.getLast();
            boolean moderator = own.stream().anyMatch(i -> AttendanceInterval.MODERATOR.equals(i.role()));
            boolean stillIn = own.stream().anyMatch(AttendanceInterval::isOpen);
            Instant lastLeave = stillIn ? null : own.stream().map(AttendanceInterval::leftAt).max(Instant::compareTo)
                    .orElse(null);
            List<Span> spans = merge(own, cutOff);
            Duration present = spans.stream().map(s -> Duration.between(s.from(), s.to()))
                    .reduce(Duration.ZERO, Duration::plus);
            people.add(new PersonAttendance(latest.userId(), latest.externalUserId(), latest.fullName(),
                    moderator ? AttendanceInterval.MODERATOR : AttendanceInterval.VIEWER, own.getFirst().joinedAt(),
                    lastLeave, present, own.size(), spans));
        }
        people.sort(Comparator.comparing(PersonAttendance::firstJoin).thenComparing(PersonAttendance::name));
        return people;
    }

    /** Sorted intervals to disjoint spans; an open interval lasts until the cut-off (but never ends before it starts). */
    static List<Span> merge(List<AttendanceInterval> sorted, Instant cutOff) {
        List<Span> spans = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (AttendanceInterval i : sorted) {
            Instant end = i.leftAt() != null ? i.leftAt() : cutOff;
            if (end.isBefore(i.joinedAt())) {
                end = i.joinedAt();
            }
            if (from == null) {
                from = i.joinedAt();
                to = end;
            } else if (!i.joinedAt().isAfter(to)) {
                if (end.isAfter(to)) {
                    to = end;
                }
            } else {
                spans.add(new Span(from, to));
                from = i.joinedAt();
                to = end;
            }
        }
        if (from != null) {
            spans.add(new Span(from, to));
        }
        return spans;
    }
}

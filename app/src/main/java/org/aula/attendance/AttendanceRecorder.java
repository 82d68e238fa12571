package org.aula.attendance;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what BBB tells Aula about presence into intervals: webhook events (a join, a leave, the end) or, without
 * webhooks, successive attendee lists (compared with the previous one). Every method is idempotent: BBB's webhooks
 * retry, and the same list is seen many times. Each call locks the meeting row, so concurrent deliveries of the same
 * event are applied one after the other.
 */
@Service
class AttendanceRecorder {

    /** One person in an attendee list. */
    record Presence(String externalUserId, String fullName, boolean moderator) {
    }

    private final AttendanceRepository repository;
    /** Last attendee set applied per meeting, so unchanged lists (the usual case) cost no database work. */
    private final Map<Long, Set<String>> lastSeen = new ConcurrentHashMap<>();

    AttendanceRecorder(AttendanceRepository repository) {
        this.repository = repository;
    }

    /**
     * A connection joined. Ignored when the connection is already present or when an interval of it already covers
     * the time (a repeated delivery). A join reported for an ended meeting before its end is kept, closed at the end.
     */
    @Transactional
    public void joined(long meetingId, String connectionKey, String externalUserId, String fullName, boolean moderator,
                       Instant at, String source) {
        var meeting = repository.lockMeeting(meetingId);
        if (meeting.isEmpty()) {
            return;
        }
        Instant endedAt = meeting.get().endedAt();
        if (meeting.get().ended() && endedAt != null && !at.isBefore(endedAt)) {
            return;
        }
        for (AttendanceInterval interval : repository.ofConnection(meetingId, connectionKey)) {
            if (interval.isOpen() || !at.isBefore(interval.joinedAt()) && !at.isAfter(interval.leftAt())) {
                return;
            }
        }
        repository.insert(meetingId, externalUserId, connectionKey, name(fullName, externalUserId),
                moderator ? AttendanceInterval.MODERATOR : AttendanceInterval.VIEWER, at,
                meeting.get().ended() ? endedAt : null, source);
    }

    /**
     * A connection left: its open interval ends. A leave without an open interval (repeated, or after the meeting
     * end closed everything) changes nothing; so does one older than the open interval's start (a late retry).
     */
    @Transactional
    public void left(long meetingId, String connectionKey, Instant at) {
        if (repository.lockMeeting(meetingId).isEmpty()) {
            return;
        }
        for (AttendanceInterval interval : repository.ofConnection(meetingId, connectionKey)) {
            if (interval.isOpen() && !at.isBefore(interval.joinedAt())) {
                repository.close(interval.id(), at);
            }
        }
    }

    /** The meeting is over: whoever is still counted as present leaves at its end. */
    @Transactional
    public void meetingEnded(long meetingId, Instant at) {
        lastSeen.remove(meetingId);
        if (repository.lockMeeting(meetingId).isEmpty()) {
            return;
        }
        repository.closeAll(meetingId, at);
    }

    /**
     * Polling: who getMeetingInfo lists right now. People new since the last list joined at {@code at}; people no
     * longer listed left at {@code at} (so presence is exact to the refresh interval). Keyed by the external user id,
     * since getMeetingInfo names no connection.
     */
    @Transactional
    public void attendeesSeen(long meetingId, Instant at, List<Presence> attendees) {
        Map<String, Presence> present = new HashMap<>();
        for (Presence p : attendees) {
            present.putIfAbsent(p.externalUserId(), p);
        }
        if (present.keySet().equals(lastSeen.get(meetingId))) {
            return;
        }
        var meeting = repository.lockMeeting(meetingId);
        if (meeting.isEmpty() || meeting.get().ended()) {
            return;
        }
        Map<String, AttendanceInterval> open = repository.openOfMeeting(meetingId, AttendanceInterval.POLL).stream()
                .collect(Collectors.toMap(AttendanceInterval::connectionKey, i -> i, (a, b) -> a));
        for (AttendanceInterval interval : open.values()) {
            if (!present.containsKey(interval.connectionKey()) && !at.isBefore(interval.joinedAt())) {
                repository.close(interval.id(), at);
            }
        }
        for (Presence p : present.values()) {
            if (!open.containsKey(p.externalUserId())) {
                repository.insert(meetingId, p.externalUserId(), p.externalUserId(),
                        name(p.fullName(), p.externalUserId()),
                        p.moderator() ? AttendanceInterval.MODERATOR : AttendanceInterval.VIEWER, at, null,
                        AttendanceInterval.POLL);
            }
        }
        lastSeen.put(meetingId, Set.copyOf(present.keySet()));
    }

    private static String name(String fullName, String externalUserId) {
        return fullName == null || fullName.isBlank() ? externalUserId : fullName;
    }
}

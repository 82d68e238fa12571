package org.aula.conference;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to rooms and meetings for other modules (recordings, attendance, room kinds). Never calls BBB. */
@Service
public class Rooms {

    private final RoomRepository repository;
    private final RoomStates states;

    Rooms(RoomRepository repository, RoomStates states) {
        this.repository = repository;
        this.states = states;
    }

    public Optional<Room> room(long roomId) {
        return repository.findRoom(roomId);
    }

    public Optional<Room> roomByContextKey(String contextKey) {
        return repository.findRoomByContextKey(contextKey);
    }

    /** The course's own room, creating the row on first use (no BBB involved). */
    public Room courseRoom(long courseId, String courseTitle) {
        return repository.ensureRoom(RoomKind.COURSE, courseId, null, null, null, Room.courseContextKey(courseId),
                courseTitle);
    }

    /** Creates (or returns) a room of any kind; context keys are unique, e.g. "group:3". */
    public Room ensureRoom(RoomKind kind, Long courseId, Long sessionId, Long groupId, Long ownerId, String contextKey,
                           String name) {
        return repository.ensureRoom(kind, courseId, sessionId, groupId, ownerId, contextKey, name);
    }

    /** All rooms belonging to a course (its own, its sessions' and groups'). */
    public List<Room> roomsOfCourse(long courseId) {
        return repository.findRoomsOfCourse(courseId);
    }

    public RoomState state(long roomId) {
        return states.get(roomId);
    }

    public Optional<Meeting> meeting(long meetingId) {
        return repository.findMeeting(meetingId);
    }

    /** The meeting BBB knows by this meetingID (recording and webhook callbacks carry it). */
    public Optional<Meeting> meetingByBbbId(String bbbMeetingId) {
        return repository.findMeetingByBbbId(bbbMeetingId);
    }

    public Optional<Meeting> openMeeting(long roomId) {
        return repository.findOpenMeeting(roomId);
    }

    /** Newest first. */
    public List<Meeting> meetingsOfRoom(long roomId, int limit) {
        return repository.findMeetings(roomId, limit);
    }

    /** Meetings in all rooms of the course, newest first. */
    public List<Meeting> meetingsOfCourse(long courseId, int limit) {
        return repository.findMeetingsOfCourse(courseId, limit);
    }
}

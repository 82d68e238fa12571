package org.aula.conference;

/**
 * The lasting place where meetings happen: a course, one of its sessions or groups, the platform, or a user's
 * personal room. Exactly one room per {@code contextKey} (e.g. "course:12", "group:3", "personal:42").
 */
public record Room(long id, RoomKind kind, Long courseId, Long sessionId, Long groupId, Long ownerId,
                   String contextKey, String name) {

    public static String courseContextKey(long courseId) {
        return "course:" + courseId;
    }
}

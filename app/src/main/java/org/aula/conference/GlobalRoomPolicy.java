package org.aula.conference;

import org.aula.settings.RoomOptionsSettings;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The platform's one global room, when the plugin option is on, for the audience it names (everyone, teachers,
 * admins). Admins and teachers start and moderate it; the rest of the audience joins as viewers. Anyone outside the
 * audience gets 404 (the room does not exist for them).
 */
@Component
class GlobalRoomPolicy {

    static final String CONTEXT_KEY = "global";

    private final Rooms rooms;
    private final RoomOptionsSettings options;
    private final RoomKindsRepository repository;

    GlobalRoomPolicy(Rooms rooms, RoomOptionsSettings options, RoomKindsRepository repository) {
        this.rooms = rooms;
        this.options = options;
        this.repository = repository;
    }

    boolean visibleTo(AulaUser user) {
        var plugin = options.plugin();
        if (!plugin.globalRoomEnabled()) {
            return false;
        }
        return switch (plugin.globalAudience()) {
            case EVERYONE -> true;
            case TEACHERS -> user.admin() || repository.teachesAnyCourse(user.id());
            case ADMINS -> user.admin();
        };
    }

    RoomAccess access(AulaUser user, String roomName) {
        if (!visibleTo(user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean moderator = user.admin() || repository.teachesAnyCourse(user.id());
        Room room = rooms.ensureRoom(RoomKind.GLOBAL, null, null, null, null, CONTEXT_KEY, roomName);
        return new RoomAccess(room, user.id(), user.fullName(), moderator, moderator, moderator, "/rooms/global", null);
    }

}

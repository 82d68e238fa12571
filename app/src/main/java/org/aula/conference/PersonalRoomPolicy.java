package org.aula.conference;

import java.security.SecureRandom;
import java.util.Base64;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Personal rooms: every user has one. The owner starts and moderates it and shares its link, which carries an
 * unguessable token (not the user id, so nobody can walk through other people's rooms). Visitors with the link join
 * as viewers while it is open and see nothing else; the past meetings are for the owner and admins only.
 */
@Component
class PersonalRoomPolicy {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Rooms rooms;
    private final RoomKindsRepository repository;

    PersonalRoomPolicy(Rooms rooms, RoomKindsRepository repository) {
        this.rooms = rooms;
        this.repository = repository;
    }

    /** The user's own room, created on first use together with its share token. */
    RoomAccess own(AulaUser user, String roomName) {
        Room room = rooms.ensureRoom(RoomKind.PERSONAL, null, null, null, user.id(), "personal:" + user.id(), roomName);
        if (repository.option(room.id(), RoomKindsRepository.OPTION_SHARE_TOKEN).isEmpty()) {
            repository.putOption(room.id(), RoomKindsRepository.OPTION_SHARE_TOKEN, newToken());
        }
        return new RoomAccess(room, user.id(), user.fullName(), true, true, true, "/rooms/personal", null);
    }

    String shareToken(Room room) {
        return repository.option(room.id(), RoomKindsRepository.OPTION_SHARE_TOKEN).orElseThrow();
    }

    /** A visitor arriving with a shared link; 404 for an unknown token. The owner gets their own room. */
    RoomAccess visitor(AulaUser user, String token) {
        Room room = repository.roomIdByOption(RoomKindsRepository.OPTION_SHARE_TOKEN, token)
                .flatMap(rooms::room)
                .filter(r -> r.kind() == RoomKind.PERSONAL)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (room.ownerId() != null && room.ownerId() == user.id()) {
            return own(user, room.name());
        }
        return new RoomAccess(room, user.id(), user.fullName(), false, false, user.admin(),
                "/rooms/shared/" + token, null);
    }

    /** 192 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.aula.conference;

/** Someone entering a room, with the role the room's access policy gave them. */
public record Participant(long userId, String fullName, boolean moderator) {
}

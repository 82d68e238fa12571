package org.aula.conference;

/** Where a room belongs; stored in room.kind. */
public enum RoomKind {
    COURSE, SESSION, GROUP, GLOBAL, PERSONAL
}

package org.aula.conference;

/**
 * What one user may do in one room (any kind, the course room too), as its kind's policy decided.
 *
 * @param canStart may open the room (and always joins as moderator)
 * @param moderator joins as moderator, ends the meeting, prepares slides and breakout rooms
 * @param seesHistory may see the room's past meetings (a personal room's: its owner and admins only)
 * @param pagePath the room page, e.g. "/courses/DEMO101/sessions/4/room"; actions are below it
 * @param courseCode the course the room belongs to, null for global and personal rooms
 */
record RoomAccess(Room room, long userId, String fullName, boolean canStart, boolean moderator, boolean seesHistory,
                  String pagePath, String courseCode) {

    Participant participant() {
        return new Participant(userId, fullName, moderator);
    }
}

package org.aula.conference;

import java.util.Collection;

/**
 * The live state of rooms. The in-memory implementation serves one app node; with several nodes a shared
 * implementation (PostgreSQL or Redis) replaces it behind this interface.
 */
public interface RoomStates {

    /** The room's state; closed when nothing is known. */
    RoomState get(long roomId);

    void put(RoomState state);

    /** Rooms currently believed open (what the refresher asks BBB about). */
    Collection<RoomState> open();
}

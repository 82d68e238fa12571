package org.aula.conference;

import java.util.function.Consumer;

/**
 * Tells waiting browsers that a room opened or closed. Fed by Aula's own state changes (start, end, callback,
 * refresh), never by asking BBB. The in-memory implementation serves one node; a shared one (PostgreSQL
 * LISTEN/NOTIFY, Redis pub/sub) replaces it for several.
 */
public interface RoomSignals {

    /** Delivers every later state change of the room until the returned handle is closed. */
    Subscription subscribe(long roomId, Consumer<RoomState> listener);

    void publish(RoomState state);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

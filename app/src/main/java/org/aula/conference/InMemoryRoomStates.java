package org.aula.conference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** {@link RoomStates} of a single app node. Filled from the OPEN meetings in the database at start-up. */
@Component
class InMemoryRoomStates implements RoomStates {

    private final Map<Long, RoomState> states = new ConcurrentHashMap<>();

    @Override
    public RoomState get(long roomId) {
        RoomState state = states.get(roomId);
        return state != null ? state : RoomState.closed(roomId);
    }

    @Override
    public void put(RoomState state) {
        if (state.open()) {
            states.put(state.roomId(), state);
        } else {
            states.remove(state.roomId());
        }
    }

    @Override
    public Collection<RoomState> open() {
        return List.copyOf(states.values());
    }
}

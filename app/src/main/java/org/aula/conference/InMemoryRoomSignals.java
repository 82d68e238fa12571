package org.aula.conference;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class InMemoryRoomSignals implements RoomSignals {

    private static final Logger log = LoggerFactory.getLogger(InMemoryRoomSignals.class);

    private final Map<Long, Set<Consumer<RoomState>>> listeners = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(long roomId, Consumer<RoomState> listener) {
        listeners.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(roomId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void publish(RoomState state) {
        for (Consumer<RoomState> listener : listeners.getOrDefault(state.roomId(), Set.of())) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                // one broken listener (a closed browser connection) must not stop the others
                log.debug("Room signal listener failed: {}", e.toString());
            }
        }
    }

    int listenerCount(long roomId) {
        return listeners.getOrDefault(roomId, Set.of()).size();
    }
}

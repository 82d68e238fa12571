package org.aula.conference;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aula.bbbaccess.BbbUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds asks BBB once about each open room (getMeetingInfo), however many people look at it: pages read
 * {@link RoomStates} only. Single-flight per room: a room whose previous refresh is still running (slow BBB) is
 * skipped, so calls never pile up. When the breaker is open the calls fail at once without reaching BBB.
 *
 * <p>With several app nodes this job would take a ShedLock lock so that one node refreshes per interval.
 */
@Component
class RoomRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoomRefresher.class);

    private final RoomStates states;
    private final ConferenceService conference;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    RoomRefresher(RoomStates states, ConferenceService conference) {
        this.states = states;
        this.conference = conference;
    }

    @Scheduled(fixedDelayString = "${aula.conference.refresh-interval:5s}",
            initialDelayString = "${aula.conference.refresh-interval:5s}")
    void refreshOpenRooms() {
        for (RoomState state : states.open()) {
            if (!inFlight.add(state.roomId())) {
                continue;
            }
            executor.execute(() -> {
                try {
                    conference.refresh(state);
                } catch (BbbUnavailableException e) {
                    log.debug("Room {} not refreshed: {}", state.roomId(), e.getMessage());
                } catch (RuntimeException e) {
                    log.warn("Room {} not refreshed", state.roomId(), e);
                } finally {
                    inFlight.remove(state.roomId());
                }
            });
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

package org.aula.conference;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The waiting room's push channel: {@code room-open} / {@code room-closed} events (Server-Sent Events) from Aula's
 * own state changes, so that waiting browsers never cause a BBB call. The current state is sent first, so a browser
 * that connects (or reconnects after a dropped connection; EventSource does that by itself, {@code retry} tells it
 * how soon) after the room opened learns it at once. Comments every {@code heartbeat} keep proxies from closing the
 * idle stream and reveal dead connections.
 */
@RestController
class WaitingRoomEvents {

    private final CourseAccessService courseAccess;
    private final CourseRoomPolicy policy;
    private final Rooms rooms;
    private final RoomSignals signals;
    private final VideoconferenceSettingsService settings;
    private final Duration streamTimeout;
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

    private record Waiting(SseEmitter emitter, RoomSignals.Subscription subscription) {
    }

    WaitingRoomEvents(CourseAccessService courseAccess, CourseRoomPolicy policy, Rooms rooms, RoomSignals signals,
                      VideoconferenceSettingsService settings,
                      @Value("${aula.conference.events-timeout:30m}") Duration streamTimeout) {
        this.courseAccess = courseAccess;
        this.policy = policy;
        this.rooms = rooms;
        this.signals = signals;
        this.settings = settings;
        this.streamTimeout = streamTimeout;
    }

    @GetMapping(path = "/courses/{code}/videoconference/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String code, @AuthenticationPrincipal AulaUser user) {
        if (!settings.current().isActive()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CourseAccess access = courseAccess.access(code, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!policy.canJoin(access)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        RoomSignals.Subscription subscription = signals.subscribe(room.id(), state -> send(emitter, state));
        Waiting entry = new Waiting(emitter, subscription);
        waiting.add(entry);
        Runnable cleanup = () -> {
            subscription.close();
            waiting.remove(entry);
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(e -> cleanup.run());
        send(emitter, rooms.state(room.id()));
        return emitter;
    }

    @Scheduled(fixedRateString = "${aula.conference.events-heartbeat:15s}")
    void heartbeat() {
        for (Waiting w : waiting) {
            try {
                synchronized (w.emitter()) {
                    w.emitter().send(SseEmitter.event().comment("heartbeat"));
                }
            } catch (IOException | IllegalStateException e) {
                w.subscription().close();
                waiting.remove(w);
            }
        }
    }

    int waitingCount() {
        return waiting.size();
    }

    private static void send(SseEmitter emitter, RoomState state) {
        try {
            // synchronized: the heartbeat and a room signal may write to the same stream at once
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(state.open() ? "room-open" : "room-closed")
                        .data(Integer.toString(state.participantCount())).reconnectTime(2000));
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}

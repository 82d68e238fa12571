package org.aula.conference;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.aula.bbb.BbbException;
import org.aula.bbb.CreateMeeting;
import org.aula.bbb.CreateMeetingResponse;
import org.aula.bbb.JoinMeeting;
import org.aula.bbb.MeetingInfo;
import org.aula.bbb.Role;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.settings.CourseRecordingSettings;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts, joins, ends and refreshes meetings of any room. Who may do what is decided before calling in (by a room
 * access policy such as {@link CourseRoomPolicy}); this class only keeps Aula's state and BBB in step.
 *
 * <p>State flow: start/end/callback/refresh write the meeting row, then {@link RoomStates}, then tell waiting
 * browsers through {@link RoomSignals}, then publish {@link MeetingStarted}/{@link MeetingEnded}.
 */
@Service
public class ConferenceService {

    private static final Logger log = LoggerFactory.getLogger(ConferenceService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoomRepository repository;
    private final RoomStates states;
    private final RoomSignals signals;
    private final BbbAccess bbb;
    private final VideoconferenceSettingsService settings;
    private final CourseRecordingSettings recordingSettings;
    private final MeetingCallbacks callbacks;
    private final RoomMeetingOptions meetingOptions;
    private final ApplicationEventPublisher events;
    private final Map<Long, ReentrantLock> startLocks = new ConcurrentHashMap<>();

    ConferenceService(RoomRepository repository, RoomStates states, RoomSignals signals, BbbAccess bbb,
                      VideoconferenceSettingsService settings, CourseRecordingSettings recordingSettings,
                      MeetingCallbacks callbacks, RoomMeetingOptions meetingOptions, ApplicationEventPublisher events) {
        this.repository = repository;
        this.states = states;
        this.signals = signals;
        this.bbb = bbb;
        this.settings = settings;
        this.recordingSettings = recordingSettings;
        this.callbacks = callbacks;
        this.meetingOptions = meetingOptions;
        this.events = events;
    }

    /** After a restart the rooms that were open are open again; the refresher then checks them with BBB. */
    @EventListener(ApplicationReadyEvent.class)
    void loadOpenRooms() {
        for (Meeting meeting : repository.findOpenMeetings()) {
            states.put(RoomState.opened(meeting));
        }
    }

    /**
     * Opens the room (creating a BBB meeting) unless it is already open, and returns the join URL of the starter as
     * moderator.
     *
     * @throws BbbUnavailableException when BBB cannot be reached (nothing is changed in Aula)
     * @throws BbbException when BBB refused the create
     */
    public URI start(Room room, Participant starter, StartOptions options) {
        ReentrantLock lock = startLocks.computeIfAbsent(room.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            RoomState state = states.get(room.id());
            if (!state.open()) {
                state = create(room, starter, options);
            }
            return joinUrl(state, new Participant(starter.userId(), starter.fullName(), true));
        } finally {
            lock.unlock();
        }
    }

    /** The participant's join URL, or empty when the room is not open. Makes no BBB call (the URL is only signed). */
    public Optional<URI> joinUrl(Room room, Participant participant) {
        RoomState state = states.get(room.id());
        return state.open() ? Optional.of(joinUrl(state, participant)) : Optional.empty();
    }

    /**
     * Ends the room's meeting in BBB and in Aula. If BBB no longer knows the meeting it is ended in Aula anyway.
     *
     * @return false when the room was not open
     * @throws BbbUnavailableException when BBB cannot be reached (the room stays open in Aula)
     */
    public boolean end(Room room) {
        RoomState state = states.get(room.id());
        if (!state.open()) {
            return false;
        }
        try {
            bbb.call("end", client -> {
                client.end(state.bbbMeetingId());
                return null;
            });
        } catch (BbbException e) {
            if (!e.isNoSuchMeeting()) {
                throw e;
            }
        }
        meetingEnded(state.meetingId(), MeetingEnded.ENDED_BY_MODERATOR);
        return true;
    }

    /**
     * Records that a meeting ended (idempotent: only the first call changes anything and publishes
     * {@link MeetingEnded}).
     */
    public void meetingEnded(long meetingId, String reason) {
        Instant now = Instant.now();
        if (!repository.markEnded(meetingId, reason, now)) {
            return;
        }
        Meeting meeting = repository.findMeeting(meetingId).orElseThrow();
        RoomState current = states.get(meeting.roomId());
        if (current.open() && Long.valueOf(meetingId).equals(current.meetingId())) {
            RoomState closed = RoomState.closed(meeting.roomId());
            states.put(closed);
            signals.publish(closed);
        }
        Room room = repository.findRoom(meeting.roomId()).orElseThrow();
        log.info("Meeting {} in room {} ended ({})", meetingId, room.contextKey(), reason);
        events.publishEvent(new MeetingEnded(meetingId, room.id(), room.kind(), room.contextKey(), room.courseId(),
                meeting.bbbMeetingId(), meeting.internalMeetingId(), reason, meeting.maxParticipants(), now));
    }

    /**
     * Asks BBB about one open room and updates Aula's state: the counts, or closed when BBB no longer knows the
     * meeting. Called by {@link RoomRefresher} only (one call per open room per interval), never by page renders.
     */
    void refresh(RoomState state) {
        if (!state.open()) {
            return;
        }
        try {
            MeetingInfo info = bbb.call("getMeetingInfo", client -> client.getMeetingInfo(state.bbbMeetingId()));
            if (info.hasBeenForciblyEnded() || (info.endTime() > 0 && !info.running())) {
                meetingEnded(state.meetingId(), MeetingEnded.ENDED_IN_BBB);
                return;
            }
            repository.updateCounts(state.meetingId(), info.participantCount(), info.moderatorCount());
            events.publishEvent(new MeetingAttendeesSeen(state.meetingId(), state.bbbMeetingId(), Instant.now(),
                    info.attendees().stream().map(a -> new MeetingAttendeesSeen.Attendee(a.userId(), a.fullName(),
                            a.isModerator())).toList()));
            RoomState latest = states.get(state.roomId());
            if (latest.open() && state.meetingId().equals(latest.meetingId())) {
                RoomState updated = latest.withCounts(info.participantCount(), info.moderatorCount(), Instant.now());
                states.put(updated);
                if (updated.participantCount() != latest.participantCount()) {
                    signals.publish(updated);
                }
            }
        } catch (BbbException e) {
            if (e.isNoSuchMeeting()) {
                meetingEnded(state.meetingId(), MeetingEnded.EXPIRED);
            } else {
                log.warn("Refreshing meeting {} failed: {}", state.meetingId(), e.getMessage());
            }
        }
        // BbbUnavailableException propagates: the refresher logs it; the state stays as it was.
    }

    private RoomState create(Room room, Participant starter, StartOptions options) {
        VideoconferenceSettings s = settings.current();
        String bbbMeetingId = newMeetingId();
        CreateMeeting.Builder request = CreateMeeting.builder(bbbMeetingId, room.name())
                .record(options.record())
                .logoutUrl(options.logoutUrl())
                .meetingEndedUrl(callbacks.meetingEndedUrl(options.appBaseUrl(), bbbMeetingId))
                .meta("bbb-origin", "Aula")
                .meta("bbb-origin-server-name", hostOf(options.appBaseUrl()))
                .meta("aula-room", room.contextKey())
                .meta("bbb-recording-ready-url", callbacks.recordingReadyUrl(options.appBaseUrl()));
        if (options.record()) {
            // BBB tells participants the meeting may be recorded; the course decides who starts the recording.
            var recording = recordingSettings.optionsFor(room.courseId());
            request.notifyRecordingIsOn(true)
                    .autoStartRecording(recording.autoStart())
                    .allowStartStopRecording(recording.allowStartStop());
        }
        if (s.defaultDurationMinutes() > 0) {
            request.duration(s.defaultDurationMinutes());
        }
        if (!s.welcomeMessage().isBlank()) {
            request.welcome(s.welcomeMessage());
        }
        options.metadata().forEach(request::meta);
        // limits, messages, locks, breakout rooms and slides of the room's kind, course and session
        meetingOptions.applyTo(room, request, options.appBaseUrl());
        CreateMeetingResponse created = bbb.call("create", client -> client.create(request.build()));
        long meetingId = repository.insertMeeting(room.id(), bbbMeetingId, created.internalMeetingId(),
                created.createTime(), room.name(), options.record(), starter.userId());
        Meeting meeting = repository.findMeeting(meetingId).orElseThrow();
        RoomState opened = RoomState.opened(meeting);
        states.put(opened);
        signals.publish(opened);
        log.info("Meeting {} started in room {} by user {}", meetingId, room.contextKey(), starter.userId());
        events.publishEvent(new MeetingStarted(meetingId, room.id(), room.kind(), room.contextKey(), room.courseId(),
                bbbMeetingId, created.internalMeetingId(), options.record(), starter.userId(), meeting.startedAt()));
        return opened;
    }

    private URI joinUrl(RoomState state, Participant participant) {
        JoinMeeting.Builder join = JoinMeeting.builder(state.bbbMeetingId(), participant.fullName())
                .role(participant.moderator() ? Role.MODERATOR : Role.VIEWER)
                .userId(Long.toString(participant.userId()));
        if (state.createTime() != null && state.createTime() > 0) {
            join.createTime(state.createTime());
        }
        return bbb.joinUrl(join.build());
    }

    /** 32 url-safe random characters (192 bits): nobody can guess a meeting to join it. */
    static String newMeetingId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hostOf(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "aula" : host;
        } catch (IllegalArgumentException e) {
            return "aula";
        }
    }
}

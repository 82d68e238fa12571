package org.aula.conference;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enforces a room's participant limit at Aula's join without asking BBB: the people BBB reported at the last refresh
 * (the refresher's {@link MeetingAttendeesSeen}, at least the room state's participant count) plus those Aula let in
 * since, who may not have arrived in BBB yet. A join that never arrives stops counting after {@link #PENDING}.
 * Moderators are counted but never refused.
 */
@Component
class ParticipantLimit {

    static final Duration PENDING = Duration.ofSeconds(60);

    private static final class Tally {
        Set<String> seen = Set.of();
        final Map<String, Instant> joins = new ConcurrentHashMap<>();
    }

    private final Map<Long, Tally> tallies = new ConcurrentHashMap<>();

    /**
     * Lets the user in (and counts them) unless the room is full for a viewer.
     *
     * @param limit 0 = no limit
     * @return false when a viewer would exceed the limit
     */
    boolean admit(RoomState state, long userId, boolean moderator, int limit) {
        Tally tally = tallies.computeIfAbsent(state.meetingId(), id -> new Tally());
        synchronized (tally) {
            String id = Long.toString(userId);
            Instant now = Instant.now();
            tally.joins.values().removeIf(at -> at.isBefore(now.minus(PENDING)));
            boolean alreadyIn = tally.seen.contains(id) || tally.joins.containsKey(id);
            int count = count(tally, state);
            if (!moderator && !alreadyIn && limit > 0 && count >= limit) {
                return false;
            }
            tally.joins.put(id, now);
            return true;
        }
    }

    /** People counted for the room's open meeting right now (for pages). */
    int count(RoomState state) {
        Tally tally = state.meetingId() == null ? null : tallies.get(state.meetingId());
        if (tally == null) {
            return state.participantCount();
        }
        synchronized (tally) {
            return count(tally, state);
        }
    }

    private static int count(Tally tally, RoomState state) {
        var pending = new HashSet<>(tally.joins.keySet());
        pending.removeAll(tally.seen);
        return Math.max(tally.seen.size(), state.participantCount()) + pending.size();
    }

    @EventListener
    void attendeesSeen(MeetingAttendeesSeen seen) {
        Tally tally = tallies.computeIfAbsent(seen.meetingId(), id -> new Tally());
        synchronized (tally) {
            tally.seen = Set.copyOf(seen.attendees().stream().map(MeetingAttendeesSeen.Attendee::userId).toList());
            // Those BBB now reports are counted through "seen"; the others keep their pending window.
            tally.joins.keySet().removeAll(tally.seen);
        }
    }

    @EventListener
    void meetingEnded(MeetingEnded ended) {
        tallies.remove(ended.meetingId());
    }
}

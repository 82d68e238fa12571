package org.aula.bbb.devserver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory state objects. Mutations of a meeting happen while holding its monitor. */
final class Model {
    private Model() {
    }

    static final class Meeting {
        String externalId;
        String internalId;
        String sha1Id;
        String name;
        long createTime;
        String createDate;
        String attendeePW;
        String moderatorPW;
        boolean passwordsGiven;
        String voiceBridge;
        String dialNumber;
        int duration;
        boolean record;
        int maxParticipants;
        String logoutURL;
        String meetingEndedURL;
        String welcome;
        String moderatorOnlyMessage;
        String guestPolicy;
        int expireNoJoinMinutes;
        int expireLastLeftMinutes;
        boolean endWhenNoModerator;
        int endWhenNoModeratorDelayMinutes;
        boolean isBreakout;
        String parentMeetingID = "bbb-none";
        int sequence;
        boolean freeJoin;
        final Map<String, String> metadata = new LinkedHashMap<>();
        final List<String> documents = Collections.synchronizedList(new ArrayList<>());
        final List<String[]> chat = Collections.synchronizedList(new ArrayList<>());

        /** guests waiting in the lobby (guestPolicy ASK_MODERATOR), by session token */
        final Map<String, Session> guestsWaiting = new ConcurrentHashMap<>();

        /** connected users by internal user id */
        final Map<String, User> users = new ConcurrentHashMap<>();
        volatile boolean hasUserJoined;
        volatile boolean forciblyEnded;
        volatile boolean ended;
        volatile long startTime;
        volatile long endTime;
        int everConnected;
        final java.util.Set<String> participantIds = ConcurrentHashMap.newKeySet();

        /** bumped on every change visible in getMeetingInfo/getMeetings; guards {@link #infoCache} */
        volatile long version;
        /** cached inner XML of getMeetingInfo for {@code version} */
        volatile Object[] infoCache;

        // deadlines in epoch millis, 0 = none (checked by the sweeper)
        long noJoinDeadline;
        long lastLeftDeadline;
        long durationDeadline;
        long noModeratorDeadline;
        boolean hadModerator;

        int moderatorCount() {
            int n = 0;
            for (User u : users.values()) {
                if (u.moderator()) {
                    n++;
                }
            }
            return n;
        }
    }

    static final class User {
        final String internalId;
        final String externalId;
        final String fullName;
        final String role;
        final Map<String, String> customdata;
        final boolean simulated;
        final String sessionToken;
        volatile long lastSeen;
        volatile boolean presenter;
        /** joined with guest=true */
        volatile boolean guest;

        User(String internalId, String externalId, String fullName, String role, Map<String, String> customdata,
             boolean simulated, String sessionToken) {
            this.internalId = internalId;
            this.externalId = externalId;
            this.fullName = fullName;
            this.role = role;
            this.customdata = customdata;
            this.simulated = simulated;
            this.sessionToken = sessionToken;
            this.lastSeen = System.currentTimeMillis();
        }

        boolean moderator() {
            return "MODERATOR".equals(role);
        }
    }

    /** A join (API call) that a browser may redeem on the client page. */
    static final class Session {
        final String token;
        final Meeting meeting;
        final String userInternalId;
        final String userExternalId;
        final String fullName;
        final String role;
        /** ALLOW, WAIT (in the lobby) or DENY; changed by a moderator's decision */
        volatile String guestStatus;
        /** joined with guest=true */
        volatile boolean guest;
        /** last heartbeat of the page (the lobby drops guests whose page went away) */
        volatile long lastSeen = System.currentTimeMillis();
        final Map<String, String> customdata;
        final String logoutURL;
        final long created = System.currentTimeMillis();
        volatile boolean connectedByPage;
        volatile boolean left;

        Session(String token, Meeting meeting, String userInternalId, String userExternalId, String fullName,
                String role, String guestStatus, Map<String, String> customdata, String logoutURL) {
            this.token = token;
            this.meeting = meeting;
            this.userInternalId = userInternalId;
            this.userExternalId = userExternalId;
            this.fullName = fullName;
            this.role = role;
            this.guestStatus = guestStatus;
            this.customdata = customdata;
            this.logoutURL = logoutURL;
        }
    }

    static final class Recording {
        String recordId;
        String meetingExternalId;
        String internalMeetingId;
        String name;
        boolean isBreakout;
        volatile String state;
        long startTime;
        long endTime;
        int participants;
        long rawSize;
        long size;
        int processingTime;
        int lengthMinutes;
        final Map<String, String> metadata = Collections.synchronizedMap(new LinkedHashMap<>());
    }

    static final class Hook {
        final int id;
        final String callbackURL;
        final String meetingID;
        final String eventIDs;
        final boolean raw;

        Hook(int id, String callbackURL, String meetingID, String eventIDs, boolean raw) {
            this.id = id;
            this.callbackURL = callbackURL;
            this.meetingID = meetingID;
            this.eventIDs = eventIDs;
            this.raw = raw;
        }
    }
}

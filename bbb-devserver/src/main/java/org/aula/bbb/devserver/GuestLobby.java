package org.aula.bbb.devserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Session;

/**
 * BBB's guest lobby. A guest whose join answered {@code guestStatus=WAIT} (guestPolicy ASK_MODERATOR, or
 * ALWAYS_ACCEPT_AUTH for an unauthenticated user) waits on the client page; like in BBB 3.0 the guest shows up in
 * the moderators' waiting list once that page is open, and stays there while the page keeps polling. A moderator
 * (or the control API) approves or denies one or all; the guest's page then enters the meeting or says it was
 * denied. Waiting guests are not attendees: they do not make a meeting running and do not count as participants.
 */
final class GuestLobby {
    static final String ALLOW = "ALLOW";
    static final String WAIT = "WAIT";
    static final String DENY = "DENY";

    private GuestLobby() {
    }

    /** BBB's calcGuestStatus for a join: ALLOW, WAIT, or DENY (answered as guestDeniedAccess). */
    static String statusFor(Meeting m, boolean guest, boolean authenticated) {
        if (!guest && authenticated) {
            return ALLOW;
        }
        return switch (m.guestPolicy == null ? "ALWAYS_ACCEPT" : m.guestPolicy) {
            case "ALWAYS_DENY" -> DENY;
            case "ASK_MODERATOR" -> WAIT;
            case "ALWAYS_ACCEPT_AUTH" -> authenticated ? ALLOW : WAIT;
            default -> ALLOW;
        };
    }

    /** The guest's page is open: (re)enters the waiting list. */
    static void present(Meeting m, Session session) {
        session.lastSeen = System.currentTimeMillis();
        if (WAIT.equals(session.guestStatus) && m.guestsWaiting.putIfAbsent(session.token, session) == null) {
            synchronized (m) {
                m.version++;
            }
        }
    }

    /**
     * Approves or denies waiting guests. {@code who} is "all", a guest's internal user id (the page's id), its
     * external userID, or its full name. Returns how many guests were decided.
     */
    static int decide(DevServer s, Meeting m, String who, boolean approve) {
        if (who == null || who.isBlank()) {
            return 0;
        }
        int n = 0;
        for (Session g : waiting(m)) {
            if (who.equals("all") || who.equals(g.userInternalId) || who.equals(g.userExternalId) || who.equals(g.fullName)) {
                if (m.guestsWaiting.remove(g.token) != null) {
                    g.guestStatus = approve ? ALLOW : DENY;
                    n++;
                    if (approve && s.options.joinConnectsUser() && !g.connectedByPage) {
                        Model.User u = new Model.User(g.userInternalId, g.userExternalId, g.fullName, g.role,
                                g.customdata, false, null);
                        u.guest = true;
                        s.connect(m, u);
                    }
                }
            }
        }
        if (n > 0) {
            synchronized (m) {
                m.version++;
            }
        }
        return n;
    }

    /** Waiting guests, longest waiting first. */
    static List<Session> waiting(Meeting m) {
        List<Session> list = new ArrayList<>(m.guestsWaiting.values());
        list.sort(Comparator.comparingLong((Session g) -> g.created).thenComparing(g -> g.userInternalId));
        return list;
    }

    /** The guest's page went away (Leave or tab closed). */
    static void leave(Meeting m, Session session) {
        if (m.guestsWaiting.remove(session.token) != null) {
            synchronized (m) {
                m.version++;
            }
        }
    }

    /** Drops guests whose page stopped polling (tab closed); they come back when the page is opened again. */
    static void sweep(Meeting m, long now, long timeoutMs) {
        boolean changed = m.guestsWaiting.values().removeIf(g -> now - g.lastSeen > timeoutMs);
        if (changed) {
            synchronized (m) {
                m.version++;
            }
        }
    }

    /** JSON array of waiting guests for a moderator's page: {@code [{"id":…,"name":…}]}; never the session token. */
    static String json(Meeting m) {
        StringBuilder b = new StringBuilder("[");
        for (Session g : waiting(m)) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"id\":").append(Json.str(g.userInternalId)).append(",\"name\":").append(Json.str(g.fullName)).append('}');
        }
        return b.append(']').toString();
    }

    /** getMeetingInfo: {@code <guestsWaiting><guest><userID/><fullName/></guest>…</guestsWaiting>}. */
    static void xml(Xml x, Meeting m) {
        x.open("guestsWaiting");
        for (Session g : waiting(m)) {
            x.open("guest").el("userID", g.userExternalId).el("fullName", g.fullName).close("guest");
        }
        x.close("guestsWaiting");
    }
}

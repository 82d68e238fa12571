package org.aula.bbb.devserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Session;
import org.aula.bbb.devserver.Model.User;
import org.aula.bbb.devserver.client.ClientPage;
import org.aula.bbb.devserver.client.ClientTexts;

/**
 * Server side of the browser client page under {@code /client/}: the page itself, its static assets and the small
 * JSON endpoints it polls. The first heartbeat connects the user (like the HTML5 client connecting to akka-apps).
 */
final class ClientEndpoints {
    private ClientEndpoints() {
    }

    static DevResponse handle(DevServer s, DevRequest req, String path, String base) {
        switch (path) {
            case "client.js" -> {
                return ClientPage.asset("client.js", "text/javascript;charset=utf-8");
            }
            case "client.css" -> {
                return ClientPage.asset("client.css", "text/css;charset=utf-8");
            }
            default -> {
                // below
            }
        }
        Params p = Params.parse(req.rawQuery(), false);
        String token = p.get("sessionToken");
        Session session = token == null ? null : s.sessions.get(token);
        switch (path) {
            case "join" -> {
                if (session == null) {
                    return DevResponse.html(404, ClientPage.unknownSessionPage());
                }
                return DevResponse.html(200, ClientPage.page(session.meeting.name, session.fullName, session.role,
                        session.guestStatus, ClientTexts.language(session.customdata.get("bbb_override_default_locale"))));
            }
            case "api/heartbeat" -> {
                if (session == null) {
                    return DevResponse.json(404, "{\"status\":\"unknown\"}");
                }
                return DevResponse.json(200, heartbeat(s, session));
            }
            case "api/leave" -> {
                if (session == null) {
                    return DevResponse.json(404, "{\"status\":\"unknown\"}");
                }
                if (!"1".equals(p.get("beacon"))) {
                    session.left = true; // explicit Leave; a closed tab (beacon) may come back on reload
                }
                GuestLobby.leave(session.meeting, session);
                s.disconnect(session.meeting, session.userInternalId);
                return DevResponse.json(200, "{\"status\":\"left\",\"logoutURL\":" + Json.str(session.logoutURL) + "}");
            }
            case "api/end" -> {
                if (session == null) {
                    return DevResponse.json(404, "{\"status\":\"unknown\"}");
                }
                if (!"MODERATOR".equals(session.role) || !req.method().equals("POST")) {
                    return DevResponse.json(403, "{\"error\":\"only moderators can end the meeting\"}");
                }
                s.endMeeting(session.meeting, true);
                return DevResponse.json(200, "{\"status\":\"ended\",\"logoutURL\":" + Json.str(session.logoutURL) + "}");
            }
            case "api/guests" -> {
                if (session == null) {
                    return DevResponse.json(404, "{\"status\":\"unknown\"}");
                }
                Meeting m = session.meeting;
                if (!"MODERATOR".equals(session.role) || !req.method().equals("POST") || !m.users.containsKey(session.userInternalId)) {
                    return DevResponse.json(403, "{\"error\":\"only moderators in the meeting can let guests in\"}");
                }
                String action = p.get("action");
                if (!"approve".equals(action) && !"deny".equals(action)) {
                    return DevResponse.json(400, "{\"error\":\"action must be approve or deny\"}");
                }
                String id = p.get("id");
                if (id == null || id.isBlank()) {
                    return DevResponse.json(400, "{\"error\":\"id (a waiting guest, or all) is required\"}");
                }
                int n = GuestLobby.decide(s, m, id, "approve".equals(action));
                return DevResponse.json(200, "{\"decided\":" + n + ",\"guestsWaiting\":" + GuestLobby.json(m) + "}");
            }
            default -> {
                return DevServer.notFound("/client/" + path);
            }
        }
    }

    private static String heartbeat(DevServer s, Session session) {
        Meeting m = session.meeting;
        String logout = Json.str(session.logoutURL);
        if (session.left) {
            return "{\"status\":\"left\",\"logoutURL\":" + logout + "}";
        }
        if (m.ended || m.forciblyEnded) {
            return "{\"status\":\"ended\",\"logoutURL\":" + logout + "}";
        }
        if (GuestLobby.DENY.equals(session.guestStatus)) {
            return "{\"status\":\"denied\",\"logoutURL\":" + logout + "}";
        }
        if (GuestLobby.WAIT.equals(session.guestStatus)) {
            GuestLobby.present(m, session);
            return "{\"status\":\"waiting\",\"logoutURL\":" + logout + ",\"meetingName\":" + Json.str(m.name) + "}";
        }
        User me = m.users.get(session.userInternalId);
        if (me == null) {
            me = new User(session.userInternalId, session.userExternalId, session.fullName, session.role,
                    session.customdata, false, session.token);
            me.guest = session.guest;
            session.connectedByPage = true;
            if (!s.connect(m, me)) {
                return "{\"status\":\"ended\",\"logoutURL\":" + logout + "}";
            }
        }
        me.lastSeen = System.currentTimeMillis();
        List<User> users = new ArrayList<>(m.users.values());
        users.sort(Comparator.comparing((User u) -> !u.moderator()).thenComparing(u -> u.fullName));
        StringBuilder b = new StringBuilder(256 + users.size() * 64);
        b.append("{\"status\":\"connected\",\"logoutURL\":").append(logout)
                .append(",\"meetingName\":").append(Json.str(m.name))
                .append(",\"you\":{\"name\":").append(Json.str(session.fullName)).append(",\"role\":")
                .append(Json.str(session.role)).append(",\"userID\":").append(Json.str(session.userExternalId))
                .append("},\"participants\":[");
        int shown = 0;
        for (User u : users) {
            if (shown++ >= 500) {
                break;
            }
            if (shown > 1) {
                b.append(',');
            }
            b.append("{\"name\":").append(Json.str(u.fullName)).append(",\"role\":").append(Json.str(u.role))
                    .append(",\"you\":").append(u.internalId.equals(session.userInternalId))
                    .append(",\"guest\":").append(u.guest).append('}');
        }
        b.append("],\"participantCount\":").append(users.size());
        if (me.moderator()) {
            b.append(",\"guestsWaiting\":").append(GuestLobby.json(m));
        }
        b.append(",\"chat\":[");
        synchronized (m.chat) {
            for (int i = 0; i < m.chat.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append("{\"from\":").append(Json.str(m.chat.get(i)[0])).append(",\"message\":")
                        .append(Json.str(m.chat.get(i)[1])).append('}');
            }
        }
        return b.append("]}").toString();
    }
}

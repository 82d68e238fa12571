package org.aula.bbb.devserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aula.bbb.devserver.Model.Hook;
import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Recording;
import org.aula.bbb.devserver.Model.User;

/** hooks/* calls (§7) and webhook event delivery signed like bbb-webhooks. */
final class Hooks {
    private Hooks() {
    }

    private static DevResponse fail(String key, String message) {
        return DevResponse.xml(Xml.error(key, message));
    }

    static DevResponse create(DevServer s, Params p) {
        String url = p.get("callbackURL");
        if (url == null || url.isBlank()) {
            return fail("missingParamCallbackURL", "You must specify a callbackURL in the parameters.");
        }
        String meetingID = p.get("meetingID");
        boolean raw = "true".equalsIgnoreCase(p.get("getRaw"));
        synchronized (s.hooks) {
            for (Hook h : s.hooks.values()) {
                if (h.callbackURL.equals(url)) {
                    return DevResponse.xml(Xml.response("SUCCESS").el("hookID", h.id).el("messageKey", "duplicateWarning")
                            .el("message", "There is already a hook for this callback URL.").end());
                }
            }
            Hook h = new Hook(s.nextHookId(), url, meetingID == null || meetingID.isEmpty() ? null : meetingID,
                    p.get("eventID"), raw);
            s.hooks.put(h.id, h);
            return DevResponse.xml(Xml.response("SUCCESS").el("hookID", h.id).el("permanentHook", false)
                    .el("rawData", raw).end());
        }
    }

    static DevResponse list(DevServer s, Params p) {
        String meetingID = p.get("meetingID");
        List<Hook> hs = new ArrayList<>(s.hooks.values());
        hs.sort(Comparator.comparingInt(h -> h.id));
        Xml x = Xml.response("SUCCESS").open("hooks");
        for (Hook h : hs) {
            if (meetingID != null && !meetingID.isEmpty() && h.meetingID != null && !h.meetingID.equals(meetingID)) {
                continue;
            }
            x.open("hook").el("hookID", h.id).cdata("callbackURL", h.callbackURL);
            if (h.meetingID != null) {
                x.cdata("meetingID", h.meetingID);
            }
            if (h.eventIDs != null) {
                x.el("eventID", h.eventIDs);
            }
            x.el("permanentHook", false).el("rawData", h.raw).close("hook");
        }
        return DevResponse.xml(x.close("hooks").end());
    }

    static DevResponse destroy(DevServer s, Params p) {
        String id = p.get("hookID");
        if (id == null || id.isBlank()) {
            return fail("missingParamHookID", "You must specify a hookID in the parameters.");
        }
        Hook removed = null;
        try {
            removed = s.hooks.remove(Integer.parseInt(id.trim()));
        } catch (NumberFormatException ignored) {
            // unknown id
        }
        if (removed == null) {
            return fail("destroyMissingHook", "The hook informed was not found.");
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("removed", true).end());
    }

    // ------------------------------------------------------------------ events

    static String meetingRef(Meeting m) {
        return "{\"internal-meeting-id\":" + Json.str(m.internalId) + ",\"external-meeting-id\":" + Json.str(m.externalId) + "}";
    }

    private static String wrap(String id, String attributes) {
        return "[{\"data\":{\"type\":\"event\",\"id\":" + Json.str(id) + ",\"attributes\":" + attributes
                + ",\"event\":{\"ts\":" + System.currentTimeMillis() + "}}}]";
    }

    static String metaJson(Map<String, String> meta) {
        StringBuilder b = new StringBuilder("{");
        synchronized (meta) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(Json.str(e.getKey())).append(':').append(Json.str(e.getValue()));
            }
        }
        return b.append('}').toString();
    }

    static String meetingCreated(Meeting m) {
        String meeting = "{\"internal-meeting-id\":" + Json.str(m.internalId) + ",\"external-meeting-id\":" + Json.str(m.externalId)
                + ",\"name\":" + Json.str(m.name) + ",\"is-breakout\":" + m.isBreakout + ",\"duration\":" + m.duration
                + ",\"create-time\":" + m.createTime + ",\"create-date\":" + Json.str(m.createDate)
                + ",\"moderator-pass\":" + Json.str(m.moderatorPW) + ",\"viewer-pass\":" + Json.str(m.attendeePW)
                + ",\"record\":" + m.record + ",\"voice-conf\":" + Json.str(m.voiceBridge) + ",\"dial-number\":"
                + Json.str(m.dialNumber) + ",\"max-users\":" + m.maxParticipants + ",\"metadata\":" + metaJson(m.metadata) + "}";
        return wrap("meeting-created", "{\"meeting\":" + meeting + "}");
    }

    static String meetingEnded(Meeting m) {
        return wrap("meeting-ended", "{\"meeting\":" + meetingRef(m) + "}");
    }

    static String userEvent(Meeting m, User u, String id) {
        String user = "{\"internal-user-id\":" + Json.str(u.internalId) + ",\"external-user-id\":" + Json.str(u.externalId)
                + ",\"name\":" + Json.str(u.fullName) + ",\"role\":" + Json.str(u.role) + ",\"presenter\":" + u.presenter + "}";
        return wrap(id, "{\"meeting\":" + meetingRef(m) + ",\"user\":" + user + "}");
    }

    static String rapPublishEnded(DevServer s, Recording r) {
        String link = s.callbackBaseUrl() + "/playback/presentation/2.3/" + r.recordId;
        String recording = "{\"name\":" + Json.str(r.name) + ",\"is-breakout\":" + r.isBreakout + ",\"start-time\":" + r.startTime
                + ",\"end-time\":" + r.endTime + ",\"size\":" + r.size + ",\"raw-size\":" + r.rawSize + ",\"metadata\":"
                + metaJson(r.metadata) + ",\"playback\":{\"format\":\"presentation\",\"link\":" + Json.str(link)
                + ",\"processing-time\":" + r.processingTime + ",\"duration\":" + r.lengthMinutes * 60_000L + "}}";
        String attrs = "{\"meeting\":{\"internal-meeting-id\":" + Json.str(r.internalMeetingId) + ",\"external-meeting-id\":"
                + Json.str(r.meetingExternalId) + "},\"record-id\":" + Json.str(r.recordId) + ",\"success\":true,\"step-time\":"
                + r.processingTime + ",\"workflow\":\"presentation\",\"recording\":" + recording + "}";
        return wrap("rap-publish-ended", attrs);
    }

    static void fire(DevServer s, Meeting m, String eventId, String json) {
        deliver(s, m.externalId, eventId, json);
    }

    static void fireRecording(DevServer s, Recording r, String json) {
        deliver(s, r.meetingExternalId, "rap-publish-ended", json);
    }

    private static void deliver(DevServer s, String externalMeetingId, String eventId, String json) {
        if (s.hooks.isEmpty()) {
            return;
        }
        for (Hook h : s.hooks.values()) {
            if (h.meetingID != null && !h.meetingID.equals(externalMeetingId)) {
                continue;
            }
            if (h.eventIDs != null && !h.eventIDs.isBlank()) {
                boolean match = false;
                for (String e : h.eventIDs.split(",")) {
                    if (e.trim().toLowerCase(Locale.ROOT).equals(eventId)) {
                        match = true;
                    }
                }
                if (!match) {
                    continue;
                }
            }
            String body = "domain=" + Params.enc(s.serverDomain()) + "&event=" + Params.enc(json)
                    + "&timestamp=" + System.currentTimeMillis();
            String checksum = Crypto.sha1Hex(h.callbackURL + body + s.options.secret());
            String sep = h.callbackURL.contains("?") ? "&" : "?";
            s.outgoing.postForm(h.callbackURL + sep + "checksum=" + checksum, body,
                    new long[]{s.scaledMillis(1d / 60), s.scaledMillis(5d / 60), s.scaledMillis(0.5)}, true);
        }
    }
}

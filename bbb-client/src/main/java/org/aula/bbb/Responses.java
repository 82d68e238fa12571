package org.aula.bbb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps parsed BBB answers onto the response records. Every mapper starts from an envelope whose
 * {@code returncode} was already checked to be SUCCESS, and treats every element as optional.
 */
final class Responses {

    private Responses() {
    }

    static ApiVersion apiVersion(XmlNode r) {
        return new ApiVersion(r.string("version"), r.string("apiVersion"), r.string("bbbVersion"),
                r.string("graphqlWebsocketUrl"), r.string("graphqlApiUrl"), r.string("html5PluginSdkVersion"));
    }

    static CreateMeetingResponse create(XmlNode r) {
        return new CreateMeetingResponse(r.string("meetingID"), r.string("internalMeetingID"),
                r.string("parentMeetingID"), r.string("attendeePW"), r.string("moderatorPW"), r.number("createTime"),
                r.string("voiceBridge"), r.string("dialNumber"), r.string("createDate"), r.bool("hasUserJoined"),
                r.integer("duration"), r.bool("hasBeenForciblyEnded"), r.string("messageKey"), r.string("message"));
    }

    static JoinResponse join(XmlNode r) {
        return new JoinResponse(r.string("meeting_id"), r.string("user_id"), r.string("auth_token"),
                r.string("session_token"), r.string("guestStatus"), r.string("url"), r.string("messageKey"),
                r.string("message"));
    }

    static MeetingInfo meeting(XmlNode m) {
        List<Attendee> attendees = new ArrayList<>();
        m.child("attendees").ifPresent(a -> a.children("attendee").forEach(x -> attendees.add(attendee(x))));
        List<String> breakouts = new ArrayList<>();
        m.child("breakoutRooms").ifPresent(b -> b.children("breakout").forEach(x -> breakouts.add(x.text())));
        return new MeetingInfo(m.string("meetingName"), m.string("meetingID"), m.string("internalMeetingID"),
                m.number("createTime"), m.string("createDate"), m.string("voiceBridge"), m.string("dialNumber"),
                m.bool("running"), m.integer("duration"), m.bool("hasUserJoined"), m.bool("recording"),
                m.bool("hasBeenForciblyEnded"), m.number("startTime"), m.number("endTime"),
                m.integer("participantCount"), m.integer("listenerCount"), m.integer("voiceParticipantCount"),
                m.integer("videoCount"), m.integer("maxUsers"), m.integer("moderatorCount"), attendees,
                map(m, "metadata"), m.bool("isBreakout"), m.string("parentMeetingID"), m.integer("sequence"),
                m.bool("freeJoin"), breakouts);
    }

    static List<MeetingInfo> meetings(XmlNode r) {
        List<MeetingInfo> out = new ArrayList<>();
        r.child("meetings").ifPresent(ms -> ms.children("meeting").forEach(m -> out.add(meeting(m))));
        return List.copyOf(out);
    }

    private static Attendee attendee(XmlNode a) {
        return new Attendee(a.string("userID"), a.string("fullName"), a.string("role"), a.bool("isPresenter"),
                a.bool("isListeningOnly"), a.bool("hasJoinedVoice"), a.bool("hasVideo"), a.string("clientType"),
                map(a, "customdata"));
    }

    static RecordingsPage recordings(XmlNode r) {
        List<Recording> out = new ArrayList<>();
        r.child("recordings").ifPresent(rs -> rs.children("recording").forEach(x -> out.add(recording(x))));
        Optional<Pagination> page = r.child("pagination").map(p -> {
            XmlNode pageable = p.child("pageable").orElse(p);
            return new Pagination(pageable.integer("offset"), pageable.integer("limit"), p.number("totalElements"));
        });
        return new RecordingsPage(out, page);
    }

    private static Recording recording(XmlNode r) {
        List<PlaybackFormat> formats = new ArrayList<>();
        r.child("playback").ifPresent(p -> p.children("format").forEach(f -> formats.add(format(f))));
        return new Recording(r.string("recordID"), r.string("meetingID"), r.string("internalMeetingID"),
                r.string("name"), r.bool("isBreakout"), r.bool("published"), r.string("state"), r.number("startTime"),
                r.number("endTime"), r.integer("participants"), r.number("rawSize"), map(r, "metadata"), formats);
    }

    private static PlaybackFormat format(XmlNode f) {
        List<PreviewImage> previews = new ArrayList<>();
        f.child("preview").flatMap(p -> p.child("images")).ifPresent(images -> images.children("image")
                .forEach(i -> previews.add(new PreviewImage(i.text(), i.attribute("alt"),
                        parseIntOrZero(i.attribute("width")), parseIntOrZero(i.attribute("height"))))));
        return new PlaybackFormat(f.string("type"), f.string("url"), f.number("processingTime"), f.number("length"),
                f.number("size"), previews);
    }

    static HookCreated hookCreated(XmlNode r) {
        return new HookCreated(r.string("hookID"), r.bool("permanentHook"), r.bool("rawData"),
                "duplicateWarning".equals(r.string("messageKey")));
    }

    static List<Hook> hooks(XmlNode r) {
        List<Hook> out = new ArrayList<>();
        r.child("hooks").ifPresent(hs -> hs.children("hook").forEach(h -> out.add(new Hook(h.string("hookID"),
                h.string("callbackURL"), h.string("meetingID"), h.string("eventID"), h.bool("permanentHook"),
                h.bool("rawData")))));
        return List.copyOf(out);
    }

    private static Map<String, String> map(XmlNode parent, String child) {
        return parent.child(child).map(XmlNode::asMap).orElse(Map.of());
    }

    private static int parseIntOrZero(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            // A decorative attribute is not worth failing a whole recordings page for.
            return 0;
        }
    }

    /**
     * Parses the JSON answer of getRecordingTextTracks.
     *
     * @throws BbbException for a FAILED answer
     * @throws IllegalArgumentException if the JSON does not have the documented shape
     */
    static List<TextTrack> textTracks(String call, String json) {
        Object root = Json.parse(json);
        Map<?, ?> response = asMap(asMap(root, "top level").get("response"), "response");
        String returncode = str(response.get("returncode"));
        if (!"SUCCESS".equals(returncode)) {
            throw new BbbException(call, str(response.get("messageKey")), str(response.get("message")));
        }
        Object tracks = response.get("tracks");
        List<TextTrack> out = new ArrayList<>();
        if (tracks != null) {
            if (!(tracks instanceof List<?> list)) {
                throw new IllegalArgumentException("'tracks' is not an array");
            }
            for (Object t : list) {
                Map<?, ?> m = asMap(t, "track");
                out.add(new TextTrack(str(m.get("href")), str(m.get("kind")), str(m.get("label")),
                        str(m.get("lang")), str(m.get("source"))));
            }
        }
        return List.copyOf(out);
    }

    private static Map<?, ?> asMap(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("'" + what + "' is not an object");
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}

package org.aula.attendance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bbb-webhooks event that attendance cares about (user-joined, user-left, meeting-ended), read from the POST body
 * {@code domain=…&event=[{"data":{"id":…,"attributes":{…},"event":{"ts":…}}}]&timestamp=…} (reference §7).
 *
 * @param type the event id, e.g. user-joined
 * @param bbbMeetingId the external meeting id (Aula's meetingID)
 * @param internalUserId BBB's id of the connection (user events only)
 * @param externalUserId the userID given on join (user events only)
 * @param at when BBB says it happened
 */
record WebhookEvent(String type, String bbbMeetingId, String internalUserId, String externalUserId, String fullName,
                    String role, Instant at) {

    static final String USER_JOINED = "user-joined";
    static final String USER_LEFT = "user-left";
    static final String MEETING_ENDED = "meeting-ended";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    boolean isModerator() {
        return "MODERATOR".equalsIgnoreCase(role);
    }

    /** The events of one delivery, in order; other event types and malformed entries are left out. */
    static List<WebhookEvent> parse(String formBody) {
        Map<String, String> form = new HashMap<>();
        for (String pair : formBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String events = form.get("event");
        if (events == null || events.isBlank()) {
            return List.of();
        }
        Instant fallback = instant(parseLong(form.get("timestamp")), Instant.now());
        JsonNode root;
        try {
            root = JSON.readTree(events);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<WebhookEvent> result = new ArrayList<>();
        // bbb-webhooks sends an array; older versions sent one object per delivery.
        for (JsonNode entry : root.isArray() ? root : List.of(root)) {
            JsonNode data = entry.has("data") ? entry.path("data") : entry;
            String type = data.path("id").asString("");
            if (!type.equals(USER_JOINED) && !type.equals(USER_LEFT) && !type.equals(MEETING_ENDED)) {
                continue;
            }
            JsonNode attributes = data.path("attributes");
            String meetingId = attributes.path("meeting").path("external-meeting-id").asString("");
            if (meetingId.isEmpty()) {
                continue;
            }
            JsonNode user = attributes.path("user");
            Instant at = instant(data.path("event").path("ts").asLong(0), fallback);
            if (!type.equals(MEETING_ENDED) && user.path("internal-user-id").asString("").isEmpty()) {
                continue;
            }
            result.add(new WebhookEvent(type, meetingId, user.path("internal-user-id").asString(""),
                    user.path("external-user-id").asString(""), user.path("name").asString(""),
                    user.path("role").asString("VIEWER"), at));
        }
        return result;
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(long epochMillis, Instant fallback) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : fallback;
    }
}

package org.aula.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable {@code join} request (reference §5.2), used both for signed browser URLs
 * ({@link BbbClient#joinUrl}) and for the server-side {@code redirect=false} call
 * ({@link BbbClient#join}).
 *
 * <p>The role defaults to {@link Role#VIEWER}, so forgetting it can never make someone a moderator.
 * Parameters are sent in the order set: {@code meetingID}, {@code fullName}, {@code role}, then the rest.
 */
public final class JoinMeeting {

    // bbb-web splits userdata-<key> on '-' and keeps only keys with exactly two parts.
    private static final Pattern USERDATA_KEY = Pattern.compile("[^-]+");

    private final Map<String, String> parameters;

    private JoinMeeting(Builder b) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    }

    public static Builder builder(String meetingId, String fullName) {
        return new Builder(meetingId, fullName);
    }

    public String meetingId() {
        return parameters.get("meetingID");
    }

    public String fullName() {
        return parameters.get("fullName");
    }

    public Role role() {
        return Role.valueOf(parameters.get("role"));
    }

    /** All query parameters in wire order (unmodifiable), without {@code redirect}. */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "JoinMeeting" + parameters;
    }

    /** Builder for {@link JoinMeeting}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(String meetingId, String fullName) {
            parameters.put("meetingID", Requests.checkMeetingId(meetingId));
            parameters.put("fullName", Requests.requireText(fullName, "fullName"));
            parameters.put("role", Role.VIEWER.name());
        }

        public Builder role(Role role) {
            parameters.put("role", Objects.requireNonNull(role, "role").name());
            return this;
        }

        /** Your stable user id; shows as {@code userID} in getMeetingInfo and drives maxParticipants. */
        public Builder userId(String userId) {
            return param("userID", userId);
        }

        /** The meeting's createTime; a join URL with it stops working once the meeting is re-created. */
        public Builder createTime(long createTime) {
            return param("createTime", Long.toString(createTime));
        }

        public Builder avatarUrl(String url) {
            return param("avatarURL", url);
        }

        public Builder webcamBackgroundUrl(String url) {
            return param("webcamBackgroundURL", url);
        }

        /** Where the browser is sent when the join fails (BBB 2.7+; ignored by 2.6). */
        public Builder errorRedirectUrl(String url) {
            return param("errorRedirectUrl", url);
        }

        /** True subjects the user to the meeting's guest policy. */
        public Builder guest(boolean guest) {
            return param("guest", Boolean.toString(guest));
        }

        public Builder excludeFromDashboard(boolean value) {
            return param("excludeFromDashboard", Boolean.toString(value));
        }

        /** BBB 3.0 layout enforcement, e.g. {@code PRESENTATION_ONLY}. */
        public Builder enforceLayout(String layout) {
            return param("enforceLayout", layout);
        }

        /**
         * Custom data sent as {@code userdata-<key>}, e.g. {@code bbb_default_layout}. The key must not
         * contain '-', because BBB silently drops such keys.
         */
        public Builder userdata(String key, String value) {
            Objects.requireNonNull(key, "userdata key");
            if (!USERDATA_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("userdata key '" + key
                        + "' must be non-empty and contain no '-'; BBB would drop it silently");
            }
            return param("userdata-" + key, value);
        }

        /** Escape hatch for parameters without a dedicated method. */
        public Builder param(String name, String value) {
            Requests.checkParamName(name);
            if (name.equals("redirect")) {
                throw new IllegalArgumentException("'redirect' is chosen by joinUrl()/join(), not by the request");
            }
            Objects.requireNonNull(value, "value of " + name);
            if (name.equals("meetingID")) {
                Requests.checkMeetingId(value);
            }
            parameters.put(name, value);
            return this;
        }

        public JoinMeeting build() {
            return new JoinMeeting(this);
        }
    }
}

package org.aula.bbb;

import java.util.Objects;

/** Argument checks shared by the request builders; they fail fast where BBB would fail late. */
final class Requests {

    private Requests() {
    }

    static String checkMeetingId(String meetingId) {
        Objects.requireNonNull(meetingId, "meetingId");
        if (meetingId.length() < 2 || meetingId.length() > 256) {
            throw new IllegalArgumentException("meetingId must be 2-256 characters, was " + meetingId.length());
        }
        if (meetingId.indexOf(',') >= 0) {
            throw new IllegalArgumentException("meetingId must not contain ',': '" + meetingId + "'");
        }
        return meetingId;
    }

    static String checkParamName(String name) {
        Objects.requireNonNull(name, "parameter name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("parameter name is empty");
        }
        if (name.equals("checksum")) {
            // A second checksum parameter makes newer bbb-web reject the call outright.
            throw new IllegalArgumentException("'checksum' is added by the client and cannot be set");
        }
        return name;
    }

    static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return value;
    }
}

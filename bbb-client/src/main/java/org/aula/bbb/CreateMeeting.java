package org.aula.bbb;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable {@code create} request (reference §5.1).
 *
 * <p>Parameters go on the wire in the order they were first set, starting with {@code meetingID}
 * and {@code name}; setting one again replaces its value in place. Only parameters that were set
 * are sent, so BBB's server-side defaults apply to everything else.
 */
public final class CreateMeeting {

    // bbb-web silently drops meta_ names that do not match this, so refuse them early.
    private static final Pattern META_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

    private final Map<String, String> parameters;
    private final List<Document> presentation;
    private final String clientSettingsOverride;

    private CreateMeeting(Builder b) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.presentation = List.copyOf(b.presentation);
        this.clientSettingsOverride = b.clientSettingsOverride;
    }

    /**
     * @param meetingId external meeting id: 2-256 characters, no comma
     * @param name meeting name: 2-256 characters
     */
    public static Builder builder(String meetingId, String name) {
        return new Builder(meetingId, name);
    }

    public String meetingId() {
        return parameters.get("meetingID");
    }

    public String name() {
        return parameters.get("name");
    }

    /** All query parameters in wire order (unmodifiable). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Pre-uploaded documents; non-empty turns the call into a POST with a modules body. */
    public List<Document> presentation() {
        return presentation;
    }

    /** JSON for the 3.0 {@code clientSettingsOverride} module, if set. */
    public Optional<String> clientSettingsOverride() {
        return Optional.ofNullable(clientSettingsOverride);
    }

    /** Whether the call needs a {@code <modules>} body and therefore a POST. */
    public boolean hasModules() {
        return !presentation.isEmpty() || clientSettingsOverride != null;
    }

    @Override
    public String toString() {
        return "CreateMeeting" + parameters + (presentation.isEmpty() ? "" : " presentation=" + presentation);
    }

    /** Builder for {@link CreateMeeting}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private List<Document> presentation = List.of();
        private String clientSettingsOverride;

        private Builder(String meetingId, String name) {
            Requests.checkMeetingId(meetingId);
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("meeting name is blank");
            }
            parameters.put("meetingID", meetingId);
            parameters.put("name", name);
        }

        /** Escape hatch for parameters without a dedicated method (new BBB versions, deprecated ones). */
        public Builder param(String name, String value) {
            Requests.checkParamName(name);
            Objects.requireNonNull(value, "value of " + name);
            if (name.equals("meetingID")) {
                Requests.checkMeetingId(value);
            }
            parameters.put(name, value);
            return this;
        }

        private Builder flag(String name, boolean value) {
            parameters.put(name, Boolean.toString(value));
            return this;
        }

        private Builder number(String name, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            parameters.put(name, Long.toString(value));
            return this;
        }

        /** Welcome text; BBB substitutes %%CONFNAME%% etc. and cleans HTML to an allow-list. */
        public Builder welcome(String welcome) {
            return param("welcome", welcome);
        }

        public Builder moderatorOnlyMessage(String message) {
            return param("moderatorOnlyMessage", message);
        }

        /** Deprecated by BBB in favour of roles; kept for servers that still need passwords. */
        public Builder attendeePassword(String password) {
            return param("attendeePW", password);
        }

        /** Deprecated by BBB in favour of roles; kept for servers that still need passwords. */
        public Builder moderatorPassword(String password) {
            return param("moderatorPW", password);
        }

        public Builder voiceBridge(String voiceBridge) {
            return param("voiceBridge", voiceBridge);
        }

        public Builder dialNumber(String dialNumber) {
            return param("dialNumber", dialNumber);
        }

        /** Whether the meeting may be recorded at all (not whether recording is running). */
        public Builder record(boolean record) {
            return flag("record", record);
        }

        public Builder autoStartRecording(boolean value) {
            return flag("autoStartRecording", value);
        }

        public Builder allowStartStopRecording(boolean value) {
            return flag("allowStartStopRecording", value);
        }

        public Builder recordFullDurationMedia(boolean value) {
            return flag("recordFullDurationMedia", value);
        }

        public Builder notifyRecordingIsOn(boolean value) {
            return flag("notifyRecordingIsOn", value);
        }

        /** Maximum length in minutes; 0 means no limit. */
        public Builder duration(int minutes) {
            return number("duration", minutes);
        }

        /** 0 means no limit; BBB counts unique external user ids. */
        public Builder maxParticipants(int maxParticipants) {
            return number("maxParticipants", maxParticipants);
        }

        /** Where the browser goes when a user leaves. */
        public Builder logoutUrl(String url) {
            return param("logoutURL", url);
        }

        /** Server-side GET when the meeting ends, without extra parameters (not stored as metadata). */
        public Builder meetingEndedUrl(String url) {
            return param("meetingEndedURL", url);
        }

        /**
         * Metadata, sent as {@code meta_<key>}. BBB lower-cases the key when storing it, and copies it
         * into recordings; {@code endCallbackUrl} and {@code bbb-recording-ready-url} are callbacks.
         */
        public Builder meta(String key, String value) {
            Objects.requireNonNull(key, "meta key");
            if (!META_NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("meta key '" + key
                        + "' must match [a-zA-Z][a-zA-Z0-9-]*; BBB would drop it silently");
            }
            return param("meta_" + key, value);
        }

        public Builder muteOnStart(boolean value) {
            return flag("muteOnStart", value);
        }

        public Builder allowModsToUnmuteUsers(boolean value) {
            return flag("allowModsToUnmuteUsers", value);
        }

        public Builder allowModsToEjectCameras(boolean value) {
            return flag("allowModsToEjectCameras", value);
        }

        public Builder webcamsOnlyForModerator(boolean value) {
            return flag("webcamsOnlyForModerator", value);
        }

        public Builder meetingCameraCap(int cap) {
            return number("meetingCameraCap", cap);
        }

        public Builder userCameraCap(int cap) {
            return number("userCameraCap", cap);
        }

        public Builder lockSettingsDisableCam(boolean value) {
            return flag("lockSettingsDisableCam", value);
        }

        public Builder lockSettingsDisableMic(boolean value) {
            return flag("lockSettingsDisableMic", value);
        }

        public Builder lockSettingsDisablePrivateChat(boolean value) {
            return flag("lockSettingsDisablePrivateChat", value);
        }

        public Builder lockSettingsDisablePublicChat(boolean value) {
            return flag("lockSettingsDisablePublicChat", value);
        }

        public Builder lockSettingsDisableNotes(boolean value) {
            return flag("lockSettingsDisableNotes", value);
        }

        public Builder lockSettingsHideUserList(boolean value) {
            return flag("lockSettingsHideUserList", value);
        }

        /** BBB's default is true: lock settings also apply to users who join later. */
        public Builder lockSettingsLockOnJoin(boolean value) {
            return flag("lockSettingsLockOnJoin", value);
        }

        public Builder lockSettingsLockOnJoinConfigurable(boolean value) {
            return flag("lockSettingsLockOnJoinConfigurable", value);
        }

        public Builder lockSettingsHideViewersCursor(boolean value) {
            return flag("lockSettingsHideViewersCursor", value);
        }

        public Builder lockSettingsHideViewersAnnotation(boolean value) {
            return flag("lockSettingsHideViewersAnnotation", value);
        }

        public Builder guestPolicy(GuestPolicy policy) {
            return param("guestPolicy", Objects.requireNonNull(policy, "guestPolicy").name());
        }

        public Builder allowPromoteGuestToModerator(boolean value) {
            return flag("allowPromoteGuestToModerator", value);
        }

        /** One of CUSTOM_LAYOUT, SMART_LAYOUT, PRESENTATION_FOCUS, VIDEO_FOCUS, and the 3.0 additions. */
        public Builder meetingLayout(String layout) {
            return param("meetingLayout", layout);
        }

        /** Pre-assigned breakout rooms, sent as the JSON string bbb-web expects. */
        public Builder groups(List<BreakoutGroup> groups) {
            return param("groups", BreakoutGroup.toJson(List.copyOf(groups)));
        }

        /** Client features to switch off, e.g. {@code chat}, {@code learningDashboard}; sent comma-separated. */
        public Builder disabledFeatures(Collection<String> features) {
            return param("disabledFeatures", commaList("disabledFeatures", features));
        }

        public Builder disabledFeatures(String... features) {
            return disabledFeatures(List.of(features));
        }

        /** Features to re-enable from the server-wide disabled list (2.6.9+). */
        public Builder disabledFeaturesExclude(Collection<String> features) {
            return param("disabledFeaturesExclude", commaList("disabledFeaturesExclude", features));
        }

        public Builder meetingExpireIfNoUserJoinedInMinutes(int minutes) {
            return number("meetingExpireIfNoUserJoinedInMinutes", minutes);
        }

        /** 0 turns the expiry off. */
        public Builder meetingExpireWhenLastUserLeftInMinutes(int minutes) {
            return number("meetingExpireWhenLastUserLeftInMinutes", minutes);
        }

        public Builder endWhenNoModerator(boolean value) {
            return flag("endWhenNoModerator", value);
        }

        public Builder endWhenNoModeratorDelayInMinutes(int minutes) {
            return number("endWhenNoModeratorDelayInMinutes", minutes);
        }

        public Builder bannerText(String text) {
            return param("bannerText", text);
        }

        public Builder bannerColor(String color) {
            return param("bannerColor", color);
        }

        public Builder logo(String url) {
            return param("logo", url);
        }

        public Builder learningDashboardCleanupDelayInMinutes(int minutes) {
            return number("learningDashboardCleanupDelayInMinutes", minutes);
        }

        public Builder meetingKeepEvents(boolean value) {
            return flag("meetingKeepEvents", value);
        }

        public Builder preUploadedPresentationOverrideDefault(boolean value) {
            return flag("preUploadedPresentationOverrideDefault", value);
        }

        /**
         * Documents to pre-upload. When present the call becomes a POST whose body is the XML
         * {@code <modules>} document; the parameters stay in the signed URL query (reference §2.3).
         */
        public Builder presentation(List<Document> documents) {
            this.presentation = List.copyOf(documents);
            return this;
        }

        /** JSON for the BBB 3.0 {@code clientSettingsOverride} module (needs the server to allow it). */
        public Builder clientSettingsOverride(String json) {
            this.clientSettingsOverride = Objects.requireNonNull(json, "json");
            return this;
        }

        public CreateMeeting build() {
            return new CreateMeeting(this);
        }

        private static String commaList(String what, Collection<String> items) {
            for (String item : items) {
                if (item == null || item.isBlank() || item.contains(",")) {
                    throw new IllegalArgumentException(what + " entries must be non-blank and contain no comma: '"
                            + item + "'");
                }
            }
            return String.join(",", items);
        }
    }
}

package org.aula.bbb;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An immutable {@code hooks/create} request (bbb-webhooks, reference §7). */
public final class CreateHook {

    private final Map<String, String> parameters;

    private CreateHook(Builder b) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    }

    /** @param callbackUrl where bbb-webhooks POSTs events */
    public static Builder builder(String callbackUrl) {
        return new Builder(callbackUrl);
    }

    public String callbackUrl() {
        return parameters.get("callbackURL");
    }

    /** All query parameters in wire order (unmodifiable). */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "CreateHook" + parameters;
    }

    /** Builder for {@link CreateHook}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(String callbackUrl) {
            parameters.put("callbackURL", Requests.requireText(callbackUrl, "callbackUrl"));
        }

        /** Restrict the hook to one (external) meeting id; without it the hook is global. */
        public Builder meetingId(String meetingId) {
            parameters.put("meetingID", Requests.checkMeetingId(meetingId));
            return this;
        }

        /** Only these event ids (bbb-webhooks 3.x), e.g. {@code meeting-created}. */
        public Builder eventIds(Collection<String> eventIds) {
            parameters.put("eventID", GetRecordings.commaList("eventID", eventIds));
            return this;
        }

        public Builder eventIds(String... eventIds) {
            return eventIds(List.of(eventIds));
        }

        /** Also send the raw event as BBB produced it. */
        public Builder getRaw(boolean getRaw) {
            parameters.put("getRaw", Boolean.toString(getRaw));
            return this;
        }

        public Builder param(String name, String value) {
            parameters.put(Requests.checkParamName(name), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        public CreateHook build() {
            return new CreateHook(this);
        }
    }
}

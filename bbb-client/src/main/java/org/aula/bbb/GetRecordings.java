package org.aula.bbb;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable {@code getRecordings} query (reference §6.1). All filters are optional.
 *
 * <p>Note BBB's semantics: meeting ids and record ids match as prefixes, {@code recordID} wins over
 * {@code meetingID}, and {@code offset} is ignored unless {@code limit} (1-100) is given.
 */
public final class GetRecordings {

    private static final Pattern META_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

    private final Map<String, String> parameters;

    private GetRecordings(Builder b) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All recordings of one meeting id (every session of it). */
    public static GetRecordings forMeeting(String meetingId) {
        return builder().meetingIds(meetingId).build();
    }

    /** All query parameters in wire order (unmodifiable). */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "GetRecordings" + parameters;
    }

    /** Builder for {@link GetRecordings}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder meetingIds(Collection<String> meetingIds) {
            return list("meetingID", meetingIds);
        }

        public Builder meetingIds(String... meetingIds) {
            return meetingIds(List.of(meetingIds));
        }

        public Builder recordIds(Collection<String> recordIds) {
            return list("recordID", recordIds);
        }

        public Builder recordIds(String... recordIds) {
            return recordIds(List.of(recordIds));
        }

        /** {@code processing, processed, published, unpublished, deleted} or {@code any}; default published+unpublished. */
        public Builder states(Collection<String> states) {
            return list("state", states);
        }

        public Builder states(String... states) {
            return states(List.of(states));
        }

        /** Metadata filter {@code meta_<key>=value}; {@code %} at either end is a wildcard. */
        public Builder meta(String key, String value) {
            Objects.requireNonNull(key, "meta key");
            if (!META_NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("meta key '" + key + "' must match [a-zA-Z][a-zA-Z0-9-]*");
            }
            parameters.put("meta_" + key, Objects.requireNonNull(value, "meta value"));
            return this;
        }

        public Builder offset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative, was " + offset);
            }
            parameters.put("offset", Integer.toString(offset));
            return this;
        }

        /** 1-100; a page block is returned only when a limit is given. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be 1-100 (BBB clamps otherwise), was " + limit);
            }
            parameters.put("limit", Integer.toString(limit));
            return this;
        }

        /** Escape hatch for parameters without a dedicated method. */
        public Builder param(String name, String value) {
            parameters.put(Requests.checkParamName(name), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        public GetRecordings build() {
            return new GetRecordings(this);
        }

        private Builder list(String name, Collection<String> values) {
            parameters.put(name, commaList(name, values));
            return this;
        }
    }

    static String commaList(String what, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " list is empty");
        }
        for (String v : values) {
            if (v == null || v.isBlank() || v.contains(",")) {
                throw new IllegalArgumentException(what + " entries must be non-blank and contain no comma: '" + v + "'");
            }
        }
        return String.join(",", values);
    }
}

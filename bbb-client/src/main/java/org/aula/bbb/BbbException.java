package org.aula.bbb;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * BBB answered, and the answer was {@code FAILED}.
 *
 * <p>Branch on {@link #messageKey()}: it is stable across versions, while {@link #message()} is
 * human text that differs between BBB releases and implementations (reference §3).
 */
public final class BbbException extends BbbClientException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** One {@code messageKey}/{@code message} pair; the multi-error format can carry several. */
    public record Error(String key, String message) implements java.io.Serializable {
        public Error {
            key = Objects.requireNonNullElse(key, "");
            message = Objects.requireNonNullElse(message, "");
        }
    }

    // join reports an unknown meeting as meetingForciblyEnded (HashMap order) or, in some versions,
    // invalidMeetingIdentifier; callers want one test for "that meeting is not there".
    private static final Set<String> NO_SUCH_MEETING_KEYS =
            Set.of("notFound", "invalidMeetingIdentifier", "meetingForciblyEnded", "meetingNotFound");

    private final List<Error> errors;

    public BbbException(String call, String messageKey, String message) {
        this(call, List.of(new Error(messageKey, message)));
    }

    /** @param errors at least one error; the first becomes {@link #messageKey()}/{@link #message()} */
    public BbbException(String call, List<Error> errors) {
        super(call, describe(call, errors), null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors is empty");
        }
        this.errors = List.copyOf(errors);
    }

    private static String describe(String call, List<Error> errors) {
        if (errors.isEmpty()) {
            return "BBB " + call + " failed";
        }
        Error first = errors.getFirst();
        StringBuilder sb = new StringBuilder("BBB ").append(call).append(" failed: ")
                .append(first.key().isEmpty() ? "(no messageKey)" : first.key());
        if (!first.message().isEmpty()) {
            sb.append(" (").append(first.message()).append(')');
        }
        if (errors.size() > 1) {
            sb.append(" and ").append(errors.size() - 1).append(" more");
        }
        return sb.toString();
    }

    /** The stable key, e.g. {@code notFound}, {@code checksumError}, {@code idNotUnique}; may be empty. */
    public String messageKey() {
        return errors.getFirst().key();
    }

    /** The server's human-readable text; wording varies between versions. */
    public String message() {
        return errors.getFirst().message();
    }

    /** All errors; more than one only for the {@code <errors><error>} format. */
    public List<Error> errors() {
        return errors;
    }

    /**
     * True for the keys BBB uses when the meeting does not exist or no longer does: {@code notFound},
     * {@code invalidMeetingIdentifier}, {@code meetingForciblyEnded} and 3.0's {@code meetingNotFound}.
     * Note that the recording calls also use {@code notFound}, for unknown record ids.
     */
    public boolean isNoSuchMeeting() {
        return errors.stream().anyMatch(e -> NO_SUCH_MEETING_KEYS.contains(e.key()));
    }

    /** True when the server rejected the checksum: wrong secret or a disabled algorithm. */
    public boolean isChecksumError() {
        return "checksumError".equals(messageKey());
    }
}

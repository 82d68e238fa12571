package org.aula.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aula.audit.AuditLog;
import org.aula.bbb.BbbException;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What moderators do with a recording. Each action is a BBB call first; the index changes only after BBB confirmed
 * (or answered notFound: the recording is already gone there, so it leaves the index too). When BBB cannot be
 * reached nothing changes and the caller says so.
 */
@Service
class RecordingActions {

    private static final Logger log = LoggerFactory.getLogger(RecordingActions.class);
    static final int NAME_MAX = 256;
    static final int DESCRIPTION_MAX = 2000;

    enum Result {
        /** BBB confirmed; the index follows. */
        DONE,
        /** BBB no longer has it; removed from the index. */
        GONE,
        /** BBB could not be reached (or the breaker is open); nothing changed. */
        UNAVAILABLE,
        /** BBB refused, or the recording is not in a state that allows it; nothing changed. */
        FAILED
    }

    private final RecordingRepository repository;
    private final BbbAccess bbb;
    private final AuditLog audit;

    RecordingActions(RecordingRepository repository, BbbAccess bbb, AuditLog audit) {
        this.repository = repository;
        this.bbb = bbb;
        this.audit = audit;
    }

    Result publish(IndexedRecording r, boolean publish, String actor, String courseCode) {
        if (!r.playable()) {
            return Result.FAILED; // BBB only publishes finished recordings (others answer notFound)
        }
        return run(r, actor, courseCode, publish ? "recording.publish" : "recording.unpublish", "publishRecordings",
                () -> bbb.call("publishRecordings", c -> c.publishRecordings(List.of(r.recordId()), publish)),
                () -> repository.setPublished(r.recordId(), publish));
    }

    Result rename(IndexedRecording r, String name, String description, String actor, String courseCode) {
        if (!r.playable()) {
            return Result.FAILED;
        }
        String newName = clip(name == null ? "" : name.strip(), NAME_MAX);
        String newDescription = clip(description == null ? "" : description.strip(), DESCRIPTION_MAX);
        if (newName.isEmpty()) {
            return Result.FAILED;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(RecordingMetadata.NAME, newName);
        meta.put(RecordingMetadata.DESCRIPTION, newDescription); // empty removes it in BBB
        return run(r, actor, courseCode, "recording.rename", "updateRecordings",
                () -> bbb.call("updateRecordings", c -> c.updateRecordings(List.of(r.recordId()), meta)),
                () -> repository.setNameAndDescription(r.recordId(), newName,
                        newDescription.isEmpty() ? null : newDescription));
    }

    Result delete(IndexedRecording r, String actor, String courseCode) {
        if (!r.playable()) {
            return Result.FAILED;
        }
        return run(r, actor, courseCode, "recording.delete", "deleteRecordings",
                () -> bbb.call("deleteRecordings", c -> c.deleteRecordings(List.of(r.recordId()))),
                () -> repository.delete(r.recordId()));
    }

    /**
     * Deletes in BBB for housekeeping (course deleted, retention): same rules, audited as the system.
     *
     * @return the result; GONE and DONE both leave the index without the recording
     */
    Result deleteAsSystem(IndexedRecording r, String reason) {
        Result result = run(r, null, r.courseId() == null ? "-" : "course-id " + r.courseId(), "recording.delete",
                "deleteRecordings",
                () -> bbb.call("deleteRecordings", c -> c.deleteRecordings(List.of(r.recordId()))),
                () -> repository.delete(r.recordId()));
        if (result == Result.DONE || result == Result.GONE) {
            log.info("Recording {} deleted ({})", r.recordId(), reason);
        }
        return result;
    }

    private Result run(IndexedRecording r, String actor, String courseCode, String action, String call,
                       java.util.function.BooleanSupplier bbbCall, Runnable onConfirmed) {
        try {
            if (!bbbCall.getAsBoolean()) {
                log.warn("BBB {} of {} did not confirm", call, r.recordId());
                return Result.FAILED;
            }
        } catch (BbbUnavailableException e) {
            log.warn("BBB {} of {} not possible: {}", call, r.recordId(), e.getMessage());
            return Result.UNAVAILABLE;
        } catch (BbbException e) {
            if ("notFound".equals(e.messageKey())) {
                repository.delete(r.recordId());
                audit.record(actor, "recording.gone", target(r), "course " + courseCode + ": " + r.name()
                        + " (BBB no longer has it; " + action + " not needed)");
                return Result.GONE;
            }
            log.warn("BBB {} of {} refused: {}", call, r.recordId(), e.messageKey());
            return Result.FAILED;
        }
        onConfirmed.run();
        audit.record(actor, action, target(r), "course " + courseCode + ": " + r.name());
        return Result.DONE;
    }

    private static String target(IndexedRecording r) {
        return "recording:" + r.recordId();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

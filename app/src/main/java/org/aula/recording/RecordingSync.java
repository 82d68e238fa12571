package org.aula.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aula.bbb.BbbException;
import org.aula.bbb.GetRecordings;
import org.aula.bbb.PlaybackFormat;
import org.aula.bbb.PreviewImage;
import org.aula.bbb.Recording;
import org.aula.bbb.RecordingsPage;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Brings the index in line with BBB: one recording (after the recording-ready callback) or all recordings of a set
 * of meetings (reconciliation, quick checks after a meeting ended). The only code that reads recordings from BBB.
 *
 * <p>Cost: meetings are asked about 25 at a time (a comma list of meetingIDs keeps the URL short enough for every
 * proxy), 100 recordings per page, so N meetings cost ceil(N/25) calls when no batch has more than 100 recordings.
 */
@Service
class RecordingSync {

    private static final Logger log = LoggerFactory.getLogger(RecordingSync.class);

    /** Every state except deleted: a recording BBB only has as deleted is gone for Aula. */
    static final List<String> LIVE_STATES = List.of("processing", "processed", "published", "unpublished");
    static final int MEETINGS_PER_CALL = 25;
    static final int PAGE_SIZE = 100;

    private final RecordingRepository repository;
    private final BbbAccess bbb;

    RecordingSync(RecordingRepository repository, BbbAccess bbb) {
        this.repository = repository;
        this.bbb = bbb;
    }

    /** What one reconciliation did. */
    record Outcome(int meetings, int calls, int saved, int gone, int failedBatches) {
    }

    /**
     * Reads one recording of the meeting from BBB (one call) and indexes it.
     *
     * @return the indexed recording, empty when BBB has no such recording for this meeting
     * @throws BbbUnavailableException when BBB cannot be reached (the index is unchanged)
     */
    Optional<IndexedRecording> fetchOne(RecordedMeeting meeting, String recordId) {
        RecordingsPage page;
        try {
            page = bbb.call("getRecordings", client -> client.getRecordings(GetRecordings.builder()
                    .recordIds(recordId).states(LIVE_STATES).build()));
        } catch (BbbException e) {
            log.warn("getRecordings for {} refused: {}", recordId, e.messageKey());
            return Optional.empty();
        }
        // recordID matches as a prefix in BBB: take the exact one, and only if it belongs to the claimed meeting.
        for (Recording r : page.recordings()) {
            if (r.recordId().equals(recordId) && r.meetingId().equals(meeting.bbbMeetingId())) {
                IndexedRecording indexed = toIndexed(meeting, r);
                repository.save(indexed);
                return Optional.of(indexed);
            }
        }
        return Optional.empty();
    }

    /**
     * Asks BBB about every recording of these meetings and updates the index: new and changed recordings are saved
     * with all their formats; indexed recordings BBB no longer returns are marked gone. A batch that failed changes
     * nothing about deletions (only a complete answer proves a recording is gone).
     *
     * @throws BbbUnavailableException when BBB cannot be reached; batches done before stay done
     */
    Outcome reconcile(List<RecordedMeeting> meetings) {
        return reconcile(meetings, PAGE_SIZE);
    }

    /** With a smaller page size, tests see the paging without hundreds of recordings. */
    Outcome reconcile(List<RecordedMeeting> meetings, int pageSize) {
        int calls = 0;
        int saved = 0;
        int gone = 0;
        int failed = 0;
        for (int from = 0; from < meetings.size(); from += MEETINGS_PER_CALL) {
            List<RecordedMeeting> batch = meetings.subList(from, Math.min(meetings.size(), from + MEETINGS_PER_CALL));
            Map<String, RecordedMeeting> byBbbId = new LinkedHashMap<>();
            batch.forEach(m -> byBbbId.put(m.bbbMeetingId(), m));
            Set<String> seen = new HashSet<>();
            boolean complete = true;
            int offset = 0;
            while (true) {
                int pageOffset = offset;
                RecordingsPage page;
                calls++;
                try {
                    page = bbb.call("getRecordings", client -> client.getRecordings(GetRecordings.builder()
                            .meetingIds(new ArrayList<>(byBbbId.keySet())).states(LIVE_STATES)
                            .offset(pageOffset).limit(pageSize).build()));
                } catch (BbbException e) {
                    log.warn("getRecordings for {} meetings refused: {}", batch.size(), e.messageKey());
                    complete = false;
                    failed++;
                    break;
                }
                for (Recording r : page.recordings()) {
                    RecordedMeeting meeting = byBbbId.get(r.meetingId());
                    if (meeting == null) {
                        continue; // a prefix match of another meeting id: not one we asked about
                    }
                    repository.save(toIndexed(meeting, r));
                    seen.add(r.recordId());
                    saved++;
                }
                offset += page.recordings().size();
                boolean more = page.pagination()
                        .map(p -> p.totalElements() > pageOffset + page.recordings().size())
                        // A server without pagination returned everything at once (it ignores offset and limit).
                        .orElse(false);
                if (!more || page.recordings().isEmpty()) {
                    break;
                }
            }
            if (complete) {
                Map<Long, Set<String>> indexed = repository.recordIdsOfMeetings(
                        batch.stream().map(RecordedMeeting::meetingId).toList());
                List<String> missing = indexed.values().stream().flatMap(Set::stream)
                        .filter(id -> !seen.contains(id)).toList();
                gone += repository.markGone(missing);
            }
        }
        return new Outcome(meetings.size(), calls, saved, gone, failed);
    }

    /** BBB's answer as an index row; the Aula meeting gives room and course. */
    static IndexedRecording toIndexed(RecordedMeeting meeting, Recording r) {
        String name = firstNonBlank(meta(r, RecordingMetadata.NAME), r.name(), r.metadata().get("meetingName"));
        String description = meta(r, RecordingMetadata.DESCRIPTION);
        Instant start = r.startTime() > 0 ? Instant.ofEpochMilli(r.startTime()) : null;
        Instant end = r.endTime() > 0 ? Instant.ofEpochMilli(r.endTime()) : null;
        List<IndexedRecording.Format> formats = new ArrayList<>();
        long longestFormat = 0;
        for (PlaybackFormat f : r.formats()) {
            if (f.type() == null || f.type().isBlank() || f.url() == null || f.url().isBlank()) {
                continue;
            }
            longestFormat = Math.max(longestFormat, f.length());
            List<IndexedRecording.Preview> previews = new ArrayList<>();
            for (PreviewImage p : f.previews()) {
                previews.add(new IndexedRecording.Preview(p.url(), p.alt(), p.width(), p.height()));
            }
            formats.add(new IndexedRecording.Format(f.type(), f.url(), (int) f.length(), f.size(), previews));
        }
        int duration = start != null && end != null
                ? (int) Math.max(0, (end.toEpochMilli() - start.toEpochMilli()) / 60_000)
                : (int) longestFormat;
        String state = r.state() == null || r.state().isBlank() ? (r.published() ? "published" : "unpublished")
                : r.state().toLowerCase(Locale.ROOT);
        return new IndexedRecording(r.recordId(), meeting.meetingId(), meeting.roomId(), meeting.courseId(),
                meeting.bbbMeetingId(), truncate(name == null ? r.recordId() : name, 256),
                description == null || description.isBlank() ? null : description, state,
                r.published() && "published".equals(state), start, end, duration, r.participants(), r.rawSize(),
                null, formats);
    }

    /** Metadata keys come back lower-cased from some BBB versions. */
    private static String meta(Recording r, String key) {
        for (Map.Entry<String, String> e : r.metadata().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

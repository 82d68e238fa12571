package org.aula.bbb.devserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Recording;

/** Recording calls (§6) and the simulated processing pipeline. */
final class Recordings {
    private Recordings() {
    }

    static final String NOT_FOUND = "We could not find recordings";

    static void startProcessing(DevServer s, Meeting m) {
        Recording r = new Recording();
        r.recordId = m.internalId;
        r.meetingExternalId = m.externalId;
        r.internalMeetingId = m.internalId;
        r.name = m.name;
        r.isBreakout = m.isBreakout;
        r.state = "processing";
        r.startTime = m.createTime;
        r.endTime = System.currentTimeMillis();
        r.participants = m.participantIds.size();
        r.rawSize = 1024L * (10 + m.participantIds.size());
        r.size = 2048;
        r.lengthMinutes = (int) Math.max(0, (r.endTime - r.startTime) / 60_000L);
        r.metadata.putAll(m.metadata);
        r.metadata.put("meetingId", m.externalId);
        r.metadata.put("meetingName", m.name);
        r.metadata.put("isBreakout", String.valueOf(m.isBreakout));
        s.recordings.put(r.recordId, r);
        long delay = s.options.recordingProcessingDelay().toMillis();
        r.processingTime = (int) delay;
        s.scheduler.schedule(() -> publishProcessed(s, r), delay, TimeUnit.MILLISECONDS);
    }

    private static void publishProcessed(DevServer s, Recording r) {
        if (!"processing".equals(r.state) || s.recordings.get(r.recordId) != r) {
            return;
        }
        r.state = "published";
        Hooks.fireRecording(s, r, Hooks.rapPublishEnded(s, r));
        String url = r.metadata.get("bbb-recording-ready-url");
        if (url == null || url.isBlank()) {
            url = r.metadata.get("bn-recording-ready-url");
        }
        if (url == null || url.isBlank()) {
            url = r.metadata.get("canvas-recording-ready-url");
        }
        if (url != null && !url.isBlank()) {
            String payload = "{\"meeting_id\":" + Json.str(r.meetingExternalId) + ",\"record_id\":" + Json.str(r.recordId) + "}";
            String jwt = Crypto.jwtHs256(payload, s.options.secret());
            s.outgoing.postForm(url, "signed_parameters=" + Params.enc(jwt), null, false);
        }
    }

    private static List<String> csv(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : v.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean metaMatches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        boolean start = pattern.startsWith("%");
        boolean end = pattern.endsWith("%") && pattern.length() > 1;
        String core = pattern.substring(start ? 1 : 0, pattern.length() - (end ? 1 : 0));
        if (start && end) {
            return value.contains(core);
        } else if (start) {
            return value.endsWith(core);
        } else if (end) {
            return value.startsWith(core);
        }
        return value.equals(core);
    }

    static DevResponse getRecordings(DevServer s, Params p, String base) {
        List<String> recordIds = csv(p.get("recordID"));
        List<String> meetingPrefixes = new ArrayList<>();
        if (recordIds.isEmpty()) {
            for (String id : csv(p.get("meetingID"))) {
                meetingPrefixes.add(Crypto.sha1Hex(id));
            }
        }
        List<String> states = csv(p.get("state"));
        boolean any = states.contains("any");
        if (states.isEmpty()) {
            states = List.of("published", "unpublished");
        }
        List<String[]> metaFilters = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
            if (DevServer.META.matcher(e.getKey()).matches()) {
                metaFilters.add(new String[]{e.getKey().substring(5).toLowerCase(Locale.ROOT), e.getValue().get(0)});
            }
        }
        List<Recording> found = new ArrayList<>();
        for (Recording r : s.recordings.values()) {
            if (!any && !states.contains(r.state)) {
                continue;
            }
            if (!recordIds.isEmpty() && recordIds.stream().noneMatch(r.recordId::startsWith)) {
                continue;
            }
            if (!meetingPrefixes.isEmpty() && meetingPrefixes.stream().noneMatch(r.recordId::startsWith)) {
                continue;
            }
            boolean ok = true;
            for (String[] f : metaFilters) {
                String v = null;
                synchronized (r.metadata) {
                    for (Map.Entry<String, String> e : r.metadata.entrySet()) {
                        if (e.getKey().equalsIgnoreCase(f[0])) {
                            v = e.getValue();
                        }
                    }
                }
                if (!metaMatches(f[1], v)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                found.add(r);
            }
        }
        found.sort(Comparator.comparingLong((Recording r) -> r.startTime).thenComparing(r -> r.recordId));
        Integer limit = null;
        int offset = 0;
        String l = p.get("limit");
        if (l != null && l.trim().matches("-?\\d{1,9}")) {
            limit = Math.max(1, Math.min(100, Integer.parseInt(l.trim())));
            String o = p.get("offset");
            if (o != null && o.trim().matches("\\d{1,9}")) {
                offset = Integer.parseInt(o.trim());
            }
        }
        int total = found.size();
        List<Recording> page = found;
        if (limit != null) {
            page = offset >= total ? List.of() : found.subList(offset, Math.min(total, offset + limit));
        }
        Xml x = Xml.response("SUCCESS").open("recordings");
        for (Recording r : page) {
            recordingXml(x, r, base);
        }
        x.close("recordings");
        if (limit != null) {
            x.open("pagination").open("pageable").el("offset", offset).el("limit", limit).el("paged", true)
                    .el("unpaged", false).close("pageable").el("totalElements", total).el("empty", page.isEmpty())
                    .close("pagination");
        }
        if (page.isEmpty()) {
            x.el("messageKey", "noRecordings").el("message", "There are no recordings for the meeting(s).");
        }
        return DevResponse.xml(x.end());
    }

    static void recordingXml(Xml x, Recording r, String base) {
        String state = r.state;
        x.open("recording").el("recordID", r.recordId).el("meetingID", r.meetingExternalId)
                .el("internalMeetingID", r.internalMeetingId).cdata("name", r.name).el("isBreakout", r.isBreakout)
                .el("published", state.equals("published")).el("state", state).el("startTime", r.startTime)
                .el("endTime", r.endTime).el("participants", r.participants).el("rawSize", r.rawSize);
        x.open("metadata");
        synchronized (r.metadata) {
            for (Map.Entry<String, String> e : r.metadata.entrySet()) {
                x.cdata(e.getKey(), e.getValue());
            }
        }
        x.close("metadata");
        x.open("playback");
        if (!state.equals("processing") && !state.equals("deleted")) {
            String url = base + "/playback/presentation/2.3/" + r.recordId;
            x.open("format").el("type", "presentation").el("url", url).el("processingTime", r.processingTime)
                    .el("length", r.lengthMinutes).el("size", r.size).open("preview").open("images");
            for (int i = 1; i <= 2; i++) {
                x.raw("<image alt=\"Slide " + i + "\" height=\"136\" width=\"176\">")
                        .raw(Xml.escape(url + "/thumbnails/thumb-" + i + ".png")).raw("</image>");
            }
            x.close("images").close("preview").close("format");
        }
        x.close("playback");
        x.close("recording");
    }

    private static List<Recording> findAll(DevServer s, List<String> ids, boolean includeAllStates) {
        List<Recording> out = new ArrayList<>();
        for (Recording r : s.recordings.values()) {
            if (!includeAllStates && !(r.state.equals("published") || r.state.equals("unpublished"))) {
                continue;
            }
            for (String id : ids) {
                if (r.recordId.startsWith(id)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    private static DevResponse fail(String key, String message) {
        return DevResponse.xml(Xml.error(key, message));
    }

    static DevResponse publish(DevServer s, Params p) {
        List<String> ids = csv(p.get("recordID"));
        if (ids.isEmpty()) {
            return fail("missingParamRecordID", "You must specify a recordID.");
        }
        String publish = p.get("publish");
        if (publish == null || publish.isBlank()) {
            return fail("missingParamPublish", "You must specify a publish value true or false.");
        }
        List<Recording> rs = findAll(s, ids, false);
        if (rs.isEmpty()) {
            return fail("notFound", NOT_FOUND);
        }
        boolean pub = Boolean.parseBoolean(publish);
        for (Recording r : rs) {
            r.state = pub ? "published" : "unpublished";
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("published", publish).end());
    }

    static DevResponse delete(DevServer s, Params p) {
        List<String> ids = csv(p.get("recordID"));
        if (ids.isEmpty()) {
            return fail("missingParamRecordID", "You must specify a recordID.");
        }
        List<Recording> rs = findAll(s, ids, true);
        rs.removeIf(r -> r.state.equals("deleted"));
        if (rs.isEmpty()) {
            return fail("notFound", NOT_FOUND);
        }
        for (Recording r : rs) {
            r.state = "deleted";
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("deleted", true).end());
    }

    static DevResponse update(DevServer s, Params p) {
        List<String> ids = csv(p.get("recordID"));
        if (ids.isEmpty()) {
            return fail("missingParamRecordID", "You must specify a recordID.");
        }
        List<Recording> rs = findAll(s, ids, true);
        if (rs.isEmpty()) {
            return fail("notFound", NOT_FOUND);
        }
        for (Recording r : rs) {
            for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
                if (DevServer.META.matcher(e.getKey()).matches()) {
                    String k = e.getKey().substring(5).toLowerCase(Locale.ROOT);
                    String v = Params.stripControl(e.getValue().get(0));
                    if (v.isEmpty()) {
                        r.metadata.remove(k);
                    } else {
                        r.metadata.put(k, v);
                    }
                }
            }
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("updated", true).end());
    }

    static DevResponse textTracks(DevServer s, Params p) {
        String id = p.get("recordID");
        if (id == null || id.isBlank()) {
            return fail("missingParamRecordID", "You must specify a recordID.");
        }
        Recording r = s.recordings.get(id);
        if (r == null) {
            return DevResponse.json(200, "{\"response\":{\"returncode\":\"FAILED\",\"messageKey\":\"noRecordings\",\"message\":"
                    + Json.str("No recording found for " + id) + "}}");
        }
        return DevResponse.json(200, "{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[]}}");
    }
}

package org.aula.bbb.devserver;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Session;
import org.aula.bbb.devserver.Model.User;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Meeting API calls (§5). */
final class Api {
    private Api() {
    }

    static final String DIAL_NUMBER = "613-555-1234";
    static final String END_MESSAGE = "A request to end the meeting was sent.  Please wait a few seconds, and then use "
            + "the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.";

    private static DevResponse fail(String key, String message) {
        return DevResponse.xml(Xml.error(key, message));
    }

    /** meetingID validation shared by the meeting calls; returns {key, message} or null. */
    static String[] meetingIdError(Params p) {
        String id = p.get("meetingID");
        if (id == null || id.isBlank()) {
            return new String[]{"missingParamMeetingID", "You must provide a meeting ID"};
        }
        if (Params.hasControl(id)) {
            return new String[]{"validationError", "Invalid meeting ID"};
        }
        if (id.length() < 2 || id.length() > 256) {
            return new String[]{"sizeError", "Meeting ID must be between 2 and 256 characters"};
        }
        if (id.contains(",")) {
            return new String[]{"validationError", "Meeting ID cannot contain ','"};
        }
        return null;
    }

    private static boolean badBoolean(Params p, String name) {
        String v = p.get(name);
        return v != null && !v.equals("true") && !v.equals("false");
    }

    private static boolean badPassword(String pw) {
        return pw != null && !pw.isEmpty() && (pw.length() < 2 || pw.length() > 64);
    }

    private static int intParam(Params p, String name, int def) {
        String v = p.get(name);
        if (v == null || !v.trim().matches("\\d{1,9}")) {
            return def;
        }
        return Integer.parseInt(v.trim());
    }

    // ---------------------------------------------------------------- create

    static DevResponse create(DevServer s, DevRequest req, Params p, String base) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        String name = p.clean("name");
        if (name == null || name.isBlank()) {
            return fail("emptyError", "You must provide a meeting name");
        }
        if (name.length() < 2 || name.length() > 256) {
            return fail("sizeError", "Meeting name must be between 2 and 256 characters");
        }
        String attendeePW = p.clean("attendeePW");
        String moderatorPW = p.clean("moderatorPW");
        if (badPassword(attendeePW) || badPassword(moderatorPW)) {
            return fail("invalidPassword", "Invalid password");
        }
        for (String b : List.of("record", "isBreakout")) {
            if (badBoolean(p, b)) {
                return fail("validationError", "The parameter " + b + " must be true or false");
            }
        }
        String vbParam = p.clean("voiceBridge");
        if (vbParam != null && !vbParam.isEmpty() && !vbParam.matches("\\d{1,9}")) {
            return fail("validationError", "Voice bridge must be an integer");
        }
        List<String> documents = new ArrayList<>();
        if (req.method().equals("POST") && req.body().length > 0) {
            String ct = req.contentType();
            if (ct.contains("xml")) {
                documents = parseDocuments(req.body());
            } else if (!ct.startsWith("application/x-www-form-urlencoded") && !ct.startsWith("multipart/form-data")) {
                return fail("unsupportedContentType", "POST request Content-Type is missing or unsupported");
            }
        }
        boolean isBreakout = "true".equals(p.get("isBreakout"));
        String parentId = p.clean("parentMeetingID");
        Meeting parent = null;
        if (isBreakout) {
            if (parentId == null || parentId.isBlank()) {
                return fail("parentMeetingIDMissing", "No parent meeting ID was provided for the breakout room");
            }
            parent = s.findMeeting(parentId);
            if (parent == null) {
                return fail("parentMeetingDoesNotExist", "No parent meeting exists for the breakout room");
            }
        }
        String meetingID = p.get("meetingID");
        String sha1 = Crypto.sha1Hex(meetingID);
        boolean aGiven = attendeePW != null && !attendeePW.isEmpty();
        boolean mGiven = moderatorPW != null && !moderatorPW.isEmpty();
        Meeting m;
        synchronized (s.createLock()) {
            Meeting existing = s.bySha1.get(sha1);
            if (existing != null && !existing.ended) {
                if ((!aGiven && !mGiven) || (aGiven && mGiven && attendeePW.equals(existing.attendeePW)
                        && moderatorPW.equals(existing.moderatorPW))) {
                    return DevResponse.xml(createXml(existing, "duplicateWarning",
                            "This conference was already in existence and may currently be in progress."));
                }
                return fail("idNotUnique", "A meeting already exists with that meeting ID.  Please use a different meeting ID.");
            }
            String vb;
            if (vbParam != null && !vbParam.isEmpty()) {
                vb = vbParam;
                if (s.voiceBridgeInUse(vb)) {
                    return DevResponse.xml(Xml.response("FAILED").open("errors").open("error").el("key", "nonUniqueVoiceBridge")
                            .el("message", "The selected voice bridge is already in use.").close("error").close("errors").end());
                }
            } else {
                vb = null;
                for (int i = 0; i < 10 && vb == null; i++) {
                    String c = String.valueOf(10000 + Crypto.randomInt(90000));
                    if (!s.voiceBridgeInUse(c)) {
                        vb = c;
                    }
                }
                if (vb == null) {
                    vb = String.valueOf(10000 + Crypto.randomInt(90000));
                }
            }
            m = new Meeting();
            m.externalId = meetingID;
            m.sha1Id = sha1;
            m.createTime = s.nextCreateTime();
            m.internalId = sha1 + "-" + m.createTime;
            m.createDate = DevServer.createDate(m.createTime);
            m.startTime = m.createTime + 3;
            m.name = name;
            m.attendeePW = aGiven ? attendeePW : Crypto.randomAlnum(8);
            m.moderatorPW = mGiven ? moderatorPW : Crypto.randomAlnum(8);
            m.voiceBridge = vb;
            String dial = p.clean("dialNumber");
            m.dialNumber = dial == null || dial.isEmpty() ? DIAL_NUMBER : dial;
            m.duration = intParam(p, "duration", 0);
            m.record = "true".equals(p.get("record"));
            m.maxParticipants = intParam(p, "maxParticipants", 0);
            String logout = p.clean("logoutURL");
            m.logoutURL = logout == null || logout.isBlank() ? base + "/" : logout;
            m.meetingEndedURL = p.clean("meetingEndedURL");
            m.welcome = p.clean("welcome");
            m.moderatorOnlyMessage = p.clean("moderatorOnlyMessage");
            String gp = p.clean("guestPolicy");
            m.guestPolicy = gp == null || gp.isEmpty() ? "ALWAYS_ACCEPT" : gp.toUpperCase(Locale.ROOT);
            m.expireNoJoinMinutes = intParam(p, "meetingExpireIfNoUserJoinedInMinutes", 5);
            m.expireLastLeftMinutes = intParam(p, "meetingExpireWhenLastUserLeftInMinutes", 1);
            m.endWhenNoModerator = "true".equals(p.get("endWhenNoModerator"));
            m.endWhenNoModeratorDelayMinutes = intParam(p, "endWhenNoModeratorDelayInMinutes", 1);
            m.isBreakout = isBreakout;
            if (isBreakout) {
                m.parentMeetingID = parent.internalId;
                m.sequence = intParam(p, "sequence", 0);
                m.freeJoin = "true".equals(p.get("freeJoin"));
            }
            for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
                if (DevServer.META.matcher(e.getKey()).matches()) {
                    m.metadata.put(e.getKey().substring(5).toLowerCase(Locale.ROOT), Params.stripControl(e.getValue().get(0)));
                }
            }
            m.documents.addAll(documents);
            String pre = p.clean("preUploadedPresentation");
            if (pre != null && !pre.isBlank()) {
                String preName = p.clean("preUploadedPresentationName");
                m.documents.add(preName != null && !preName.isBlank() ? preName : lastSegment(pre));
            }
            s.register(m);
        }
        s.control.recordCreate(meetingID, p, m.documents);
        return DevResponse.xml(createXml(m, "", ""));
    }

    static String createXml(Meeting m, String key, String message) {
        Xml x = Xml.response("SUCCESS").el("meetingID", m.externalId).el("internalMeetingID", m.internalId)
                .el("parentMeetingID", m.parentMeetingID);
        if (!m.attendeePW.isEmpty()) {
            x.el("attendeePW", m.attendeePW);
        }
        if (!m.moderatorPW.isEmpty()) {
            x.el("moderatorPW", m.moderatorPW);
        }
        return x.el("createTime", m.createTime).el("voiceBridge", m.voiceBridge).el("dialNumber", m.dialNumber)
                .el("createDate", m.createDate).el("hasUserJoined", m.hasUserJoined).el("duration", m.duration)
                .el("hasBeenForciblyEnded", m.forciblyEnded).el("messageKey", key).el("message", message).end();
    }

    /** Document names from a {@code <modules>} body; external entities disabled. */
    static List<String> parseDocuments(byte[] body) {
        List<String> names = new ArrayList<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new ByteArrayInputStream(body));
            NodeList modules = d.getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                Element mod = (Element) modules.item(i);
                if (!"presentation".equals(mod.getAttribute("name"))) {
                    continue;
                }
                NodeList docs = mod.getElementsByTagName("document");
                for (int j = 0; j < docs.getLength(); j++) {
                    Element doc = (Element) docs.item(j);
                    String n = doc.getAttribute("filename");
                    if (n.isEmpty()) {
                        n = doc.getAttribute("name");
                    }
                    if (n.isEmpty()) {
                        n = lastSegment(doc.getAttribute("url"));
                    }
                    if (!n.isEmpty()) {
                        names.add(Params.stripControl(n));
                    }
                }
            }
        } catch (Exception e) {
            // malformed modules body: bbb-web logs and ignores it
        }
        return names;
    }

    private static String lastSegment(String url) {
        if (url == null) {
            return "";
        }
        int q = url.indexOf('?');
        String u = q < 0 ? url : url.substring(0, q);
        int slash = u.lastIndexOf('/');
        return slash < 0 ? u : u.substring(slash + 1);
    }

    // ---------------------------------------------------------------- join

    static DevResponse join(DevServer s, Params p, String base) {
        boolean redirect = !p.present("redirect") || Boolean.parseBoolean(p.get("redirect"));
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return joinError(p, null, redirect, base, idErr[0], idErr[1]);
        }
        Meeting m = s.findMeeting(p.get("meetingID"));
        if (m == null || m.forciblyEnded || m.ended) {
            // unknown meeting: "exists" and "not ended" both fail; HashMap order reports meetingForciblyEnded
            return joinError(p, null, redirect, base, "meetingForciblyEnded",
                    "You can not join a meeting that has already been forcibly ended");
        }
        String fullName = p.clean("fullName");
        if (fullName == null || fullName.isBlank()) {
            return joinError(p, m, redirect, base, "missingParamFullName", "You must provide your name");
        }
        String password = p.clean("password");
        if (badPassword(password)) {
            return joinError(p, m, redirect, base, "invalidPassword", "Invalid password");
        }
        for (String b : List.of("guest", "auth")) {
            if (badBoolean(p, b)) {
                return joinError(p, m, redirect, base, "validationError", "The parameter " + b + " must be true or false");
            }
        }
        String ctParam = p.get("createTime");
        if (ctParam != null && !ctParam.isEmpty()) {
            if (!DIGITS.matcher(ctParam).matches()) {
                return joinError(p, m, redirect, base, "validationError", "createTime must be an integer");
            }
            if (!ctParam.equals(String.valueOf(m.createTime))) {
                return joinError(p, m, redirect, base, "mismatchCreateTimeParam",
                        "The createTime parameter submitted mismatches with the current meeting.");
            }
        }
        String roleParam = p.get("role");
        String role = null;
        if (roleParam != null) {
            String r = roleParam.trim().toUpperCase(Locale.ROOT);
            if (r.equals("MODERATOR") || r.equals("VIEWER")) {
                role = r;
            }
        }
        if (role == null) {
            if (password != null && !password.isEmpty()) {
                if (password.equals(m.moderatorPW)) {
                    role = "MODERATOR";
                } else if (password.equals(m.attendeePW)) {
                    role = "VIEWER";
                } else {
                    return fail("Params required", "You must enter a valid password");
                }
            } else if (m.attendeePW.isEmpty() && m.moderatorPW.isEmpty()) {
                return fail("Params required", "You must send the 'role' parameter, since this meeting doesn't have any password.");
            } else {
                return fail("Params required",
                        "You must either send the valid role of the user, or the password, sould the meeting has one.");
            }
        }
        String userInternalId = "w_" + Crypto.randomLowerAlnum(12);
        String extUserId = p.clean("userID");
        if (extUserId == null || extUserId.isEmpty()) {
            extUserId = userInternalId;
        }
        if (m.maxParticipants > 0) {
            Set<String> ids = new LinkedHashSet<>();
            for (User u : m.users.values()) {
                ids.add(u.externalId);
            }
            if (ids.size() >= m.maxParticipants && !ids.contains(extUserId)) {
                return joinError(p, m, redirect, base, "maxParticipantsReached",
                        "The number of participants allowed for this meeting has been reached.");
            }
        }
        boolean guest = "true".equals(p.get("guest"));
        boolean authenticated = p.present("auth") ? "true".equals(p.get("auth")) : !guest;
        String guestStatus = GuestLobby.statusFor(m, guest, authenticated);
        if (GuestLobby.DENY.equals(guestStatus)) {
            return joinError(p, m, redirect, base, "guestDeniedAccess",
                    "You have been denied access to this meeting based on the meeting's guest policy");
        }
        Map<String, String> customdata = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("userdata-")) {
                String[] parts = k.split("-");
                // exactly two parts like bbb-web; the key also has to be a safe XML element name (it becomes one
                // in getMeetingInfo's <customdata>), which bbb-web does not check
                if (parts.length == 2 && USERDATA_KEY.matcher(parts[1]).matches()) {
                    customdata.put(parts[1], Params.stripControl(e.getValue().get(0)));
                }
            }
        }
        String token = Crypto.randomLowerAlnum(16);
        while (s.sessions.containsKey(token)) {
            token = Crypto.randomLowerAlnum(16);
        }
        String logout = m.logoutURL;
        Session session = new Session(token, m, userInternalId, extUserId, fullName, role, guestStatus, customdata, logout);
        session.guest = guest;
        s.sessions.put(token, session);
        if (s.options.joinConnectsUser()) {
            if (GuestLobby.WAIT.equals(guestStatus)) {
                GuestLobby.present(m, session); // no page will poll: waits until decided (the sweeper skips it)
                session.lastSeen = Long.MAX_VALUE;
            } else {
                User u = new User(userInternalId, extUserId, fullName, role, customdata, false, null);
                u.guest = guest;
                s.connect(m, u);
            }
        }
        String url = base + "/client/join?sessionToken=" + token;
        if (redirect) {
            return DevResponse.redirect(url);
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("messageKey", "successfullyJoined")
                .el("message", "You have joined successfully.").el("meeting_id", m.internalId)
                .el("user_id", userInternalId).el("auth_token", Crypto.randomLowerAlnum(12))
                .el("session_token", token).el("guestStatus", guestStatus).el("url", url).end());
    }

    private static final java.util.regex.Pattern USERDATA_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,63}");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

    /** 2.7+ error delivery: XML when redirect=false, else 302 to errorRedirectUrl / logoutURL with errors=[...]. */
    private static DevResponse joinError(Params p, Meeting m, boolean redirect, String base, String key, String message) {
        if (!redirect) {
            return fail(key, message);
        }
        String target = p.clean("errorRedirectUrl");
        if (target == null || target.isBlank()) {
            target = p.clean("logoutURL");
        }
        if (target == null || target.isBlank()) {
            target = m != null ? m.logoutURL : base + "/";
        }
        String errors = "[{\"key\":" + Json.str(key) + ",\"message\":" + Json.str(message) + "}]";
        String sep = target.contains("?") ? "&" : "?";
        return DevResponse.redirect(target + sep + "errors=" + Params.enc(errors).replace("+", "%20"));
    }

    // ---------------------------------------------------------------- monitoring

    static DevResponse isMeetingRunning(DevServer s, Params p) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        Meeting m = s.findMeeting(p.get("meetingID"));
        boolean running = m != null && !m.ended && !m.users.isEmpty();
        return DevResponse.xml("<response><returncode>SUCCESS</returncode><running>" + running + "</running></response>");
    }

    static DevResponse getMeetingInfo(DevServer s, Params p) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        Meeting m = s.findMeeting(p.get("meetingID"));
        if (m == null || m.ended) {
            return fail("notFound", "A meeting with that ID does not exist");
        }
        Object[] c = m.infoCache;
        if (c != null && (Long) c[0] == m.version && c.length == 3) {
            return DevResponse.of(200, "text/xml;charset=utf-8", (byte[]) c[2]); // whole answer cached
        }
        String body = cachedBody(m);
        byte[] full = ("<response><returncode>SUCCESS</returncode>" + body + "</response>").getBytes(StandardCharsets.UTF_8);
        Object[] now = m.infoCache;
        if (now != null && now[1] == body) {
            m.infoCache = new Object[]{now[0], body, full};
        }
        return DevResponse.of(200, "text/xml;charset=utf-8", full);
    }

    /** Meeting body XML, cached per meeting state version (getMeetingInfo is the hottest call of polling apps). */
    static String cachedBody(Meeting m) {
        long v = m.version;
        Object[] c = m.infoCache;
        if (c != null && (Long) c[0] == v) {
            return (String) c[1];
        }
        Xml x = new Xml();
        meetingBody(x, m);
        String body = x.toString();
        if (m.version == v) {
            m.infoCache = new Object[]{v, body};
        }
        return body;
    }

    static void meetingBody(Xml x, Meeting m) {
        List<User> users = new ArrayList<>(m.users.values());
        int moderators = 0;
        for (User u : users) {
            if (u.moderator()) {
                moderators++;
            }
        }
        x.el("meetingName", m.name).el("meetingID", m.externalId).el("internalMeetingID", m.internalId)
                .el("createTime", m.createTime).el("createDate", m.createDate).el("voiceBridge", m.voiceBridge)
                .el("dialNumber", m.dialNumber).el("attendeePW", m.attendeePW).el("moderatorPW", m.moderatorPW)
                .el("running", !users.isEmpty()).el("duration", m.duration).el("hasUserJoined", m.hasUserJoined)
                .el("recording", m.record).el("hasBeenForciblyEnded", m.forciblyEnded).el("startTime", m.startTime)
                .el("endTime", m.endTime).el("participantCount", users.size()).el("listenerCount", 0)
                .el("voiceParticipantCount", 0).el("videoCount", 0).el("maxUsers", m.maxParticipants)
                .el("moderatorCount", moderators);
        x.open("attendees");
        for (User u : users) {
            x.open("attendee").el("userID", u.externalId).el("fullName", u.fullName).el("role", u.role)
                    .el("isPresenter", u.presenter).el("isListeningOnly", false).el("hasJoinedVoice", false)
                    .el("hasVideo", false).el("clientType", "HTML5").el("isGuest", u.guest);
            x.open("customdata");
            for (Map.Entry<String, String> e : u.customdata.entrySet()) {
                x.el(e.getKey(), e.getValue());
            }
            x.close("customdata").close("attendee");
        }
        x.close("attendees");
        x.open("metadata");
        for (Map.Entry<String, String> e : m.metadata.entrySet()) {
            x.el(e.getKey(), e.getValue());
        }
        x.close("metadata");
        GuestLobby.xml(x, m);
        x.el("isBreakout", m.isBreakout);
        if (m.isBreakout) {
            x.el("parentMeetingID", m.parentMeetingID).el("sequence", m.sequence).el("freeJoin", m.freeJoin);
        }
    }

    static DevResponse getMeetings(DevServer s) {
        List<Meeting> list = s.meetingsSnapshot();
        list.removeIf(m -> m.ended);
        if (list.isEmpty()) {
            return DevResponse.xml("<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey>"
                    + "<message>no meetings were found on this server</message></response>");
        }
        Xml x = Xml.response("SUCCESS").open("meetings");
        for (Meeting m : list) {
            x.open("meeting").raw(cachedBody(m)).close("meeting");
        }
        return DevResponse.xml(x.close("meetings").end());
    }

    // ---------------------------------------------------------------- end, insertDocument, chat

    static DevResponse end(DevServer s, Params p) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        String pw = p.clean("password");
        Meeting m = s.findMeeting(p.get("meetingID"));
        if (m == null || m.ended) {
            return fail("notFound", "A meeting with that ID does not exist");
        }
        if (pw != null && !pw.isEmpty() && !pw.equals(m.moderatorPW)) {
            return fail("invalidPassword", "The supplied moderator password is incorrect");
        }
        s.endMeeting(m, true);
        return DevResponse.xml(Xml.response("SUCCESS").el("messageKey", "sentEndMeetingRequest").el("message", END_MESSAGE).end());
    }

    static DevResponse insertDocument(DevServer s, DevRequest req, Params p) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        Meeting m = s.findMeeting(p.get("meetingID"));
        if (m == null || m.ended) {
            return fail("notFound", "A meeting with that ID does not exist");
        }
        String ct = req.contentType();
        if (req.body().length > 0 && !ct.contains("xml") && !ct.startsWith("application/x-www-form-urlencoded")
                && !ct.startsWith("multipart/form-data")) {
            return fail("unsupportedContentType", "POST request Content-Type is missing or unsupported");
        }
        if (req.body().length > 0) {
            m.documents.addAll(parseDocuments(req.body()));
        }
        return DevResponse.xml(Xml.response("SUCCESS").el("message", "Presentation is being uploaded").end());
    }

    static DevResponse sendChatMessage(DevServer s, Params p) {
        String[] idErr = meetingIdError(p);
        if (idErr != null) {
            return fail(idErr[0], idErr[1]);
        }
        String message = p.clean("message");
        if (message == null || message.isBlank()) {
            return fail("missingParamMessage", "You must provide a message");
        }
        Meeting m = s.findMeeting(p.get("meetingID"));
        if (m == null || m.ended || m.users.isEmpty()) {
            return fail("meetingNotFound", "Meeting not found");
        }
        String from = p.clean("userName");
        synchronized (m.chat) {
            m.chat.add(new String[]{from == null || from.isBlank() ? "System" : from, message});
            while (m.chat.size() > 50) {
                m.chat.remove(0);
            }
        }
        return DevResponse.xml("<response><returncode>SUCCESS</returncode><messageKey></messageKey><message></message></response>");
    }
}

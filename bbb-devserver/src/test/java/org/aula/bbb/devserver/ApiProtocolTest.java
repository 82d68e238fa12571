package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.bbb.devserver.TestSupport.count;
import static org.aula.bbb.devserver.TestSupport.enc;
import static org.aula.bbb.devserver.TestSupport.hash;
import static org.aula.bbb.devserver.TestSupport.parse;
import static org.aula.bbb.devserver.TestSupport.text;
import static org.aula.bbb.devserver.TestSupport.waitUntil;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** Protocol tests against the standalone server on a random port, with plain JDK HttpClient. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiProtocolTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    DevServerMain server;
    TestSupport.Api api;

    @BeforeAll
    void start() throws Exception {
        server = TestSupport.start(TestSupport.opts());
        api = new TestSupport.Api(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String id(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    // ------------------------------------------------------------------ root & checksum

    @Test
    void rootCallNeedsNoChecksum() throws Exception {
        HttpResponse<String> r = api.raw("/bigbluebutton/api");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = parse(r.body());
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "version")).isEqualTo("2.0");
        assertThat(text(d, "apiVersion")).isEqualTo("2.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1", "sha256", "sha384", "sha512"})
    void allFourAlgorithmsAreAccepted(String alg) throws Exception {
        Document d = parse(api.call("getMeetings", "", alg).body());
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void documentedWorkedExampleAndUppercaseHex() throws Exception {
        // §2.1 worked example, recomputed with our secret; upper-case hex must pass too
        String q = "name=Test+Meeting&meetingID=" + id("abc") + "&attendeePW=111222&moderatorPW=333444";
        String cs = hash("sha1", "create" + q + TestSupport.SECRET).toUpperCase();
        Document d = parse(api.raw("/bigbluebutton/api/create?" + q + "&checksum=" + cs).body());
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "attendeePW")).isEqualTo("111222");
    }

    @Test
    void wrongMissingDuplicateAndOddLengthChecksumsFail() throws Exception {
        String good = hash("sha1", "getMeetings" + TestSupport.SECRET);
        for (String q : new String[]{"checksum=" + "0".repeat(40), "", "checksum=" + good + "&checksum=" + good,
                "checksum=" + good.substring(2), "checksum=" + good + "00"}) {
            Document d = parse(api.raw("/bigbluebutton/api/getMeetings" + (q.isEmpty() ? "" : "?" + q)).body());
            assertThat(text(d, "returncode")).as(q).isEqualTo("FAILED");
            assertThat(text(d, "messageKey")).as(q).isEqualTo("checksumError");
            assertThat(text(d, "message")).isEqualTo("Checksums do not match");
        }
        // recording calls use the legacy wording
        Document d = parse(api.raw("/bigbluebutton/api/getRecordings?checksum=" + "1".repeat(40)).body());
        assertThat(text(d, "message")).isEqualTo("You did not pass the checksum security check");
        d = parse(api.raw("/bigbluebutton/api/hooks/list?checksum=" + "1".repeat(40)).body());
        assertThat(text(d, "message")).isEqualTo("You did not pass the checksum security check.");
    }

    @Test
    void checksumIsOverTheRawQueryNotANormalisedOne() throws Exception {
        String mid = id("raw");
        // hash computed over a literal apostrophe, but the URL carries %27: a real BBB rejects this
        String hashed = "name=Sp'ecial&meetingID=" + mid;
        String sent = "name=Sp%27ecial&meetingID=" + mid;
        String cs = hash("sha1", "create" + hashed + TestSupport.SECRET);
        Document d = parse(api.raw("/bigbluebutton/api/create?" + sent + "&checksum=" + cs).body());
        assertThat(text(d, "messageKey")).isEqualTo("checksumError");
        // the same bytes hashed and sent work, whatever the encoding style or parameter order
        String sent2 = "meetingID=" + mid + "&name=Sp%27ecial%20%28x%29*";
        d = parse(api.raw("/bigbluebutton/api/create?" + TestSupport.sign("create", sent2, "sha1")).body());
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "meetingID")).isEqualTo(mid);
        // checksum placed first in the query is removed literally as well
        String q = "meetingID=" + mid;
        String cs2 = hash("sha1", "getMeetingInfo" + q + TestSupport.SECRET);
        d = parse(api.raw("/bigbluebutton/api/getMeetingInfo?checksum=" + cs2 + "&" + q).body());
        assertThat(text(d, "meetingName")).isEqualTo("Sp'ecial (x)*");
    }

    @Test
    void disallowedAlgorithmIsRejected() {
        try (DevServer s = new DevServer(DevServer.Options.builder(TestSupport.SECRET).algorithms("sha512").build())) {
            String ok = TestSupport.sign("getMeetings", "", "sha512");
            String no = TestSupport.sign("getMeetings", "", "sha1");
            assertThat(s.handle(DevRequest.get("/bigbluebutton/api/getMeetings", ok)).bodyText()).contains("SUCCESS");
            assertThat(s.handle(DevRequest.get("/bigbluebutton/api/getMeetings", no)).bodyText()).contains("checksumError");
        }
    }

    @Test
    void emptySecretIsRefusedUnlessExplicitlyAllowed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DevServer(DevServer.Options.builder("").build()))
                .isInstanceOf(IllegalArgumentException.class);
        try (DevServer s = new DevServer(DevServer.Options.builder("").allowEmptySecret(true).build())) {
            assertThat(s.handle(DevRequest.get("/bigbluebutton/api/getMeetings", "")).bodyText()).contains("SUCCESS");
        }
        assertThat(DevServer.Options.builder("topsecret").build().toString()).doesNotContain("topsecret");
    }

    @Test
    void postWithFormBodyAndEmptyQueryUsesSortedReconstruction() throws Exception {
        String mid = id("post");
        String form = "name=" + enc("Post * ~ meeting") + "&meetingID=" + mid + "&record=false";
        // bbb-web: sorted names, URLEncoder values
        String recon = "meetingID=" + mid + "&name=" + enc("Post * ~ meeting") + "&record=false";
        String cs = hash("sha256", "create" + recon + TestSupport.SECRET);
        HttpResponse<String> r = api.post("/bigbluebutton/api/create", "application/x-www-form-urlencoded",
                (form + "&checksum=" + cs).getBytes(StandardCharsets.UTF_8));
        Document d = parse(r.body());
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "meetingID")).isEqualTo(mid);
        // query-string checksum + XML modules body (body not hashed)
        String mid2 = id("postxml");
        String q = "name=Slides&meetingID=" + mid2;
        String xml = "<modules><module name=\"presentation\"><document url=\"https://example.org/a.pdf\" filename=\"a.pdf\"/>"
                + "<document name=\"b.pdf\">JVBERi0x</document></module></modules>";
        r = api.post("/bigbluebutton/api/create?" + TestSupport.sign("create", q, "sha1"), "application/xml",
                xml.getBytes(StandardCharsets.UTF_8));
        assertThat(text(parse(r.body()), "returncode")).isEqualTo("SUCCESS");
        assertThat(server.core().findMeeting(mid2).documents).containsExactly("a.pdf", "b.pdf");
        // insertDocument (POST only)
        r = api.post("/bigbluebutton/api/insertDocument?" + TestSupport.sign("insertDocument", "meetingID=" + mid2, "sha1"),
                "application/xml", xml.replace("a.pdf\"", "c.pdf\"").getBytes(StandardCharsets.UTF_8));
        assertThat(text(parse(r.body()), "message")).isEqualTo("Presentation is being uploaded");
        assertThat(server.core().findMeeting(mid2).documents).contains("c.pdf");
        // unsupported content type
        r = api.post("/bigbluebutton/api/create?" + TestSupport.sign("create", "name=X1&meetingID=" + id("ct"), "sha1"),
                "image/png", new byte[]{1, 2, 3});
        assertThat(text(parse(r.body()), "messageKey")).isEqualTo("unsupportedContentType");
    }

    // ------------------------------------------------------------------ create

    @Test
    void createIsIdempotentLikeBbbWeb() throws Exception {
        String mid = id("idem");
        Document first = api.xml("create", "name=First&meetingID=" + mid + "&attendeePW=ap&moderatorPW=mp");
        assertThat(text(first, "messageKey")).isEmpty();
        assertThat(text(first, "internalMeetingID")).isEqualTo(hash("sha1", mid) + "-" + text(first, "createTime"));
        assertThat(text(first, "parentMeetingID")).isEqualTo("bbb-none");
        assertThat(text(first, "voiceBridge")).matches("\\d{5}");
        assertThat(text(first, "createDate")).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ \\d{4}");
        Thread.sleep(5);
        Document same = api.xml("create", "name=Other+name&meetingID=" + mid + "&attendeePW=ap&moderatorPW=mp");
        assertThat(text(same, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(same, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(text(same, "createTime")).isEqualTo(text(first, "createTime"));
        Document none = api.xml("create", "name=First&meetingID=" + mid);
        assertThat(text(none, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(text(none, "attendeePW")).isEqualTo("ap");
        Document diff = api.xml("create", "name=First&meetingID=" + mid + "&attendeePW=ap&moderatorPW=other");
        assertThat(text(diff, "returncode")).isEqualTo("FAILED");
        assertThat(text(diff, "messageKey")).isEqualTo("idNotUnique");
        Document one = api.xml("create", "name=First&meetingID=" + mid + "&attendeePW=ap");
        assertThat(text(one, "messageKey")).isEqualTo("idNotUnique");
        // random 8-char passwords when none are given
        Document gen = api.xml("create", "name=Gen&meetingID=" + id("gen"));
        assertThat(text(gen, "attendeePW")).matches("[A-Za-z0-9]{8}");
        assertThat(text(gen, "moderatorPW")).matches("[A-Za-z0-9]{8}");
    }

    @Test
    void nonUniqueVoiceBridgeUsesTheMultiErrorFormat() throws Exception {
        api.create(id("vb"), "&voiceBridge=71234");
        Document d = api.xml("create", "name=Vb2&meetingID=" + id("vb") + "&voiceBridge=71234");
        assertThat(text(d, "returncode")).isEqualTo("FAILED");
        assertThat(text(d, "key")).isEqualTo("nonUniqueVoiceBridge");
        assertThat(text(d, "message")).isEqualTo("The selected voice bridge is already in use.");
        assertThat(count(d, "errors")).isEqualTo(1);
    }

    @Test
    void createValidation() throws Exception {
        String[][] cases = {
                {"name=Abc", "missingParamMeetingID"},
                {"name=Abc&meetingID=x", "sizeError"},
                {"name=Abc&meetingID=" + "x".repeat(257), "sizeError"},
                {"name=Abc&meetingID=a%2Cb", "validationError"},
                {"name=Abc&meetingID=a%01bc", "validationError"},
                {"meetingID=" + id("v"), "emptyError"},
                {"name=A&meetingID=" + id("v"), "sizeError"},
                {"name=Abc&meetingID=" + id("v") + "&record=yes", "validationError"},
                {"name=Abc&meetingID=" + id("v") + "&attendeePW=x", "invalidPassword"},
                {"name=Abc&meetingID=" + id("v") + "&voiceBridge=12a", "validationError"},
                {"name=Abc&meetingID=" + id("v") + "&isBreakout=true", "parentMeetingIDMissing"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.call("create", c[0]);
            assertThat(r.statusCode()).isEqualTo(200);
            Document d = parse(r.body());
            assertThat(text(d, "returncode")).as(c[0]).isEqualTo("FAILED");
            assertThat(text(d, "messageKey")).as(c[0]).isEqualTo(c[1]);
        }
        // control characters are stripped from the name
        String mid = id("ctl");
        api.create(mid, "");
        Document d = api.xml("create", "name=" + enc("Tab\tName") + "&meetingID=" + id("ctl2"));
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
    }

    // ------------------------------------------------------------------ join

    @Test
    void joinRedirectsToTheClientPageAndRedirectFalseAnswersXml() throws Exception {
        String mid = id("join");
        api.create(mid, "&attendeePW=ap&moderatorPW=mp");
        HttpResponse<String> r = api.call("join", "meetingID=" + mid + "&fullName=Al&password=mp");
        assertThat(r.statusCode()).isEqualTo(302);
        String loc = r.headers().firstValue("Location").orElseThrow();
        assertThat(loc).startsWith(server.baseUrl() + "/client/join?sessionToken=").matches(".*=[a-z0-9]{16}");
        HttpResponse<String> page = api.raw(loc.substring(server.baseUrl().length()));
        assertThat(page.body()).contains("BigBlueButton development server — no audio or video")
                .contains("id=\"dev-user-role\">MODERATOR<").contains("id=\"dev-end\"");

        Document d = api.xml("join", "meetingID=" + mid + "&fullName=Bea&password=ap&redirect=false&userID=ext-1");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "messageKey")).isEqualTo("successfullyJoined");
        assertThat(text(d, "meeting_id")).isEqualTo(server.core().findMeeting(mid).internalId);
        assertThat(text(d, "user_id")).matches("w_[a-z0-9]{12}");
        assertThat(text(d, "auth_token")).hasSize(12);
        assertThat(text(d, "session_token")).hasSize(16);
        assertThat(text(d, "guestStatus")).isEqualTo("ALLOW");
        assertThat(text(d, "url")).endsWith("sessionToken=" + text(d, "session_token"));
        String viewerPage = api.raw(text(d, "url").substring(server.baseUrl().length())).body();
        assertThat(viewerPage).contains(">VIEWER<").doesNotContain("id=\"dev-end\"");
        // a join alone does not make the meeting run
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")).isEqualTo("false");
    }

    @Test
    void joinRoleBeatsPasswordAndParamsRequiredIsAlwaysXml() throws Exception {
        String mid = id("role");
        api.create(mid, "&attendeePW=ap&moderatorPW=mp");
        Document d = api.xml("join", "meetingID=" + mid + "&fullName=Al&password=ap&role=moderator&redirect=false");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        String token = text(d, "session_token");
        assertThat(api.raw("/client/join?sessionToken=" + token).body()).contains(">MODERATOR<");
        // wrong password, redirect=true: still XML, messageKey with a space
        HttpResponse<String> r = api.call("join", "meetingID=" + mid + "&fullName=Al&password=nope");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(parse(r.body()), "messageKey")).isEqualTo("Params required");
        assertThat(text(parse(r.body()), "message")).isEqualTo("You must enter a valid password");
        r = api.call("join", "meetingID=" + mid + "&fullName=Al");
        assertThat(r.statusCode()).as(r.headers().map() + r.body()).isEqualTo(200);
        assertThat(text(parse(r.body()), "messageKey")).isEqualTo("Params required");
        // invalid role falls back to the password
        d = api.xml("join", "meetingID=" + mid + "&fullName=Al&password=ap&role=boss&redirect=false");
        assertThat(api.raw("/client/join?sessionToken=" + text(d, "session_token")).body()).contains(">VIEWER<");
        // missing fullName
        d = api.xml("join", "meetingID=" + mid + "&role=viewer&redirect=false");
        assertThat(text(d, "messageKey")).isEqualTo("missingParamFullName");
    }

    @Test
    void joinErrorsFollowTheRedirectFlag() throws Exception {
        Document d = api.xml("join", "meetingID=" + id("unknown") + "&fullName=Al&role=viewer&redirect=false");
        assertThat(text(d, "messageKey")).isEqualTo("meetingForciblyEnded");
        HttpResponse<String> r = api.call("join", "meetingID=" + id("unknown") + "&fullName=Al&role=viewer"
                + "&errorRedirectUrl=" + enc("https://app.example/err?x=1"));
        assertThat(r.statusCode()).isEqualTo(302);
        String loc = r.headers().firstValue("Location").orElseThrow();
        assertThat(loc).startsWith("https://app.example/err?x=1&errors=");
        String errors = URLDecoder.decode(loc.substring(loc.indexOf("errors=") + 7), StandardCharsets.UTF_8);
        assertThat(errors).isEqualTo("[{\"key\":\"meetingForciblyEnded\",\"message\":\"You can not join a meeting that has already been forcibly ended\"}]");
        // createTime mismatch goes to the meeting logout URL when no errorRedirectUrl
        String mid = id("ct");
        api.create(mid, "&logoutURL=" + enc("https://app.example/bye"));
        r = api.call("join", "meetingID=" + mid + "&fullName=Al&role=viewer&createTime=1");
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("https://app.example/bye?errors=")
                .contains("mismatchCreateTimeParam");
        long ct = server.core().findMeeting(mid).createTime;
        r = api.call("join", "meetingID=" + mid + "&fullName=Al&role=viewer&createTime=" + ct);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/client/join?sessionToken=");
        // join by internal meeting id works (prefix lookup quirk)
        d = api.xml("join", "meetingID=" + server.core().findMeeting(mid).internalId + "&fullName=Al&role=viewer&redirect=false");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void maxParticipantsCountsUniqueUserIds() throws Exception {
        String mid = id("max");
        api.create(mid, "&maxParticipants=2");
        api.xml("join", "meetingID=" + mid + "&fullName=A&role=viewer&userID=u1&redirect=false");
        api.heartbeat(text(api.xml("join", "meetingID=" + mid + "&fullName=A&role=viewer&userID=u1&redirect=false"), "url"));
        api.heartbeat(text(api.xml("join", "meetingID=" + mid + "&fullName=B&role=viewer&userID=u2&redirect=false"), "url"));
        Document d = api.xml("join", "meetingID=" + mid + "&fullName=C&role=viewer&userID=u3&redirect=false");
        assertThat(text(d, "messageKey")).isEqualTo("maxParticipantsReached");
        d = api.xml("join", "meetingID=" + mid + "&fullName=A+again&role=viewer&userID=u1&redirect=false");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void guestPolicy() throws Exception {
        String deny = id("deny");
        api.create(deny, "&guestPolicy=ALWAYS_DENY");
        assertThat(text(api.xml("join", "meetingID=" + deny + "&fullName=G&role=viewer&guest=true&redirect=false"), "messageKey"))
                .isEqualTo("guestDeniedAccess");
        assertThat(text(api.xml("join", "meetingID=" + deny + "&fullName=G&role=viewer&redirect=false"), "returncode"))
                .isEqualTo("SUCCESS");
        String ask = id("ask");
        api.create(ask, "&guestPolicy=ASK_MODERATOR");
        assertThat(text(api.xml("join", "meetingID=" + ask + "&fullName=G&role=viewer&guest=true&redirect=false"), "guestStatus"))
                .isEqualTo("WAIT");
        assertThat(text(api.xml("join", "meetingID=" + ask + "&fullName=G&role=viewer&guest=maybe&redirect=false"), "messageKey"))
                .isEqualTo("validationError");
    }

    // ------------------------------------------------------------------ monitoring

    @Test
    void runningOnlyWhileAClientIsConnected() throws Exception {
        String mid = id("run");
        api.create(mid, "&meta_endCallbackUrl=" + enc("http://127.0.0.1:1/x") + "&meta_BBB-Origin=aula");
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")).isEqualTo("false");
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + id("nothing")), "running")).isEqualTo("false");
        String loc = api.joinAndConnect(mid, "Mo <b>&", "MODERATOR");
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")).isEqualTo("true");
        Document info = api.xml("getMeetingInfo", "meetingID=" + mid);
        assertThat(text(info, "running")).isEqualTo("true");
        assertThat(text(info, "hasUserJoined")).isEqualTo("true");
        assertThat(text(info, "participantCount")).isEqualTo("1");
        assertThat(text(info, "moderatorCount")).isEqualTo("1");
        assertThat(text(info, "fullName")).isEqualTo("Mo <b>&");
        assertThat(text(info, "role")).isEqualTo("MODERATOR");
        assertThat(text(info, "clientType")).isEqualTo("HTML5");
        assertThat(text(info, "endcallbackurl")).isEqualTo("http://127.0.0.1:1/x");
        assertThat(text(info, "bbb-origin")).isEqualTo("aula");
        String hb = api.heartbeat(loc);
        assertThat(hb).contains("\"status\":\"connected\"").contains("Mo \\u003cb\\u003e\\u0026");
        assertThat(api.clientCall(loc, "leave")).contains("\"status\":\"left\"");
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")).isEqualTo("false");
        info = api.xml("getMeetingInfo", "meetingID=" + mid);
        assertThat(text(info, "hasUserJoined")).isEqualTo("true");
        assertThat(Long.parseLong(text(info, "endTime"))).isPositive();
        assertThat(api.heartbeat(loc)).contains("\"status\":\"left\"");
    }

    @Test
    void customdataFromUserdataParameters() throws Exception {
        String mid = id("ud");
        api.create(mid, "");
        Document d = api.xml("join", "meetingID=" + mid + "&fullName=U&role=viewer&redirect=false"
                + "&userdata-bbb_custom_style=" + enc("a{}") + "&userdata-a-b=dropped" + "&userdata-" + enc("<x y>") + "=dropped");
        api.heartbeat(text(d, "url"));
        Document info = api.xml("getMeetingInfo", "meetingID=" + mid);
        assertThat(text(info, "bbb_custom_style")).isEqualTo("a{}");
        assertThat(info.getElementsByTagName("customdata").item(0).getChildNodes().getLength()).isEqualTo(1);
    }

    @Test
    void getMeetingInfoUnknownAndValidation() throws Exception {
        assertThat(text(api.xml("getMeetingInfo", "meetingID=" + id("no")), "messageKey")).isEqualTo("notFound");
        assertThat(text(api.xml("getMeetingInfo", ""), "messageKey")).isEqualTo("missingParamMeetingID");
        assertThat(text(api.xml("isMeetingRunning", "meetingID=a%2Cb"), "messageKey")).isEqualTo("validationError");
    }

    @Test
    void endIsAsynchronous() throws Exception {
        String mid = id("end");
        api.create(mid, "&moderatorPW=mp&attendeePW=ap");
        String loc = api.joinAndConnect(mid, "Mo", "MODERATOR");
        assertThat(text(api.xml("end", "meetingID=" + mid + "&password=ap"), "messageKey")).isEqualTo("invalidPassword");
        Document d = api.xml("end", "meetingID=" + mid + "&password=mp");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(d, "messageKey")).isEqualTo("sentEndMeetingRequest");
        assertThat(text(d, "message")).isEqualTo(Api.END_MESSAGE);
        waitUntil("meeting removed", () -> "notFound".equals(text(api.xml("getMeetingInfo", "meetingID=" + mid), "messageKey")), 10000);
        assertThat(api.heartbeat(loc)).contains("\"status\":\"ended\"");
        assertThat(text(api.xml("end", "meetingID=" + mid), "messageKey")).isEqualTo("notFound");
        // a new create after the end makes a new meeting with a new createTime; old createTime joins fail
        String newInternal = api.create(mid, "");
        assertThat(newInternal).startsWith(hash("sha1", mid));
    }

    @Test
    void moderatorCanEndFromTheClientPage() throws Exception {
        String mid = id("pageend");
        api.create(mid, "");
        String viewer = api.joinAndConnect(mid, "Vi", "VIEWER");
        assertThat(api.clientCall(viewer, "end")).contains("only moderators");
        String mod = api.joinAndConnect(mid, "Mo", "MODERATOR");
        assertThat(api.clientCall(mod, "end")).contains("\"status\":\"ended\"");
        waitUntil("meeting removed", () -> server.core().findMeeting(mid) == null, 10000);
    }

    @Test
    void getMeetingsListsMeetings() throws Exception {
        String mid = id("list");
        api.create(mid, "&meta_Course=Math");
        Document d = api.xml("getMeetings", "");
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        assertThat(count(d, "meeting")).isGreaterThanOrEqualTo(1);
        assertThat(d.getElementsByTagName("course").getLength()).isGreaterThanOrEqualTo(1);
        try (DevServer empty = new DevServer(DevServer.Options.builder(TestSupport.SECRET).build())) {
            String body = empty.handle(DevRequest.get("/bigbluebutton/api/getMeetings", TestSupport.sign("getMeetings", "", "sha1"))).bodyText();
            Document e = parse(body);
            assertThat(text(e, "messageKey")).isEqualTo("noMeetings");
            assertThat(count(e, "meetings")).isEqualTo(1);
        }
    }

    @Test
    void sendChatMessageNeedsARunningMeeting() throws Exception {
        String mid = id("chat");
        api.create(mid, "");
        assertThat(text(api.xml("sendChatMessage", "meetingID=" + mid + "&message=hi"), "messageKey")).isEqualTo("meetingNotFound");
        String loc = api.joinAndConnect(mid, "Mo", "MODERATOR");
        assertThat(text(api.xml("sendChatMessage", "meetingID=" + mid + "&message=hello&userName=Bot"), "returncode")).isEqualTo("SUCCESS");
        assertThat(api.heartbeat(loc)).contains("\"from\":\"Bot\",\"message\":\"hello\"");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputNeverGivesAStackTrace() throws Exception {
        HttpResponse<String> r = api.call("noSuchCall", "");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(api.call("getDefaultConfigXML", "").statusCode()).isEqualTo(404);
        assertThat(api.call("setConfigXML", "").statusCode()).isEqualTo(404);
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> tooBig;
        try {
            tooBig = api.post("/bigbluebutton/api/create?" + TestSupport.sign("create", "name=Big&meetingID=" + id("big"), "sha1"),
                    "application/xml", big);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(tooBig.body()).doesNotContain("Exception").doesNotContain("at org.");
        } catch (java.io.IOException e) {
            // the server may close the connection before the client finished sending: acceptable for 413
        }
        // the JDK HttpServer itself answers 400 to malformed escapes (Tomcat does the same); the core answers like BBB
        assertThat(rawHttp("/bigbluebutton/api/create?name=%ZZ&checksum=abc")).startsWith("HTTP/1.1 400");
        DevResponse malformed = server.core().handle(DevRequest.get("/bigbluebutton/api/create", "name=%ZZ&checksum=abc"));
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.bodyText()).contains("checksumError").doesNotContain("Exception");
        String q = "name=%ZZ&meetingID=" + id("pct");
        malformed = server.core().handle(DevRequest.get("/bigbluebutton/api/create", TestSupport.sign("create", q, "sha1")));
        assertThat(malformed.bodyText()).contains("FAILED").doesNotContain("Exception");
        r = api.raw("/bigbluebutton/api/join?" + TestSupport.sign("join", "meetingID=a%00b&fullName=x&redirect=false", "sha1"));
        assertThat(text(parse(r.body()), "messageKey")).isEqualTo("validationError");
        assertThat(api.raw("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(api.raw("/client/join?sessionToken=doesnotexist").statusCode()).isEqualTo(404);
        // every answer uses no-cache
        assertThat(api.call("getMeetings", "").headers().firstValue("Cache-Control")).contains("no-cache");
    }

    private String rawHttp(String pathAndQuery) throws Exception {
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", server.port())) {
            sock.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void joinIsGetOnly() throws Exception {
        HttpResponse<String> r = api.post("/bigbluebutton/api/join?" + TestSupport.sign("join", "meetingID=abc&fullName=x", "sha1"),
                "application/x-www-form-urlencoded", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(405);
    }
}

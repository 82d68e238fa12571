package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.bbb.devserver.TestSupport.enc;
import static org.aula.bbb.devserver.TestSupport.text;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** BBB's guest lobby at the API and client-page level: WAIT, approval, denial, policies, getMeetingInfo. */
class GuestLobbyTest {
    static DevServerMain server;
    static TestSupport.Api api;

    @BeforeAll
    static void start() throws Exception {
        server = TestSupport.start(TestSupport.opts());
        api = new TestSupport.Api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String guestJoin(String meetingID, String name) throws Exception {
        Document d = api.xml("join", "meetingID=" + enc(meetingID) + "&fullName=" + enc(name)
                + "&role=VIEWER&guest=true&redirect=false&userID=" + enc("ext-" + name));
        assertThat(text(d, "returncode")).isEqualTo("SUCCESS");
        return text(d, "url");
    }

    /** The moderator page's approve/deny call. */
    static String guests(String location, String action, String id) throws Exception {
        String token = location.substring(location.indexOf("sessionToken=") + 13);
        return api.post("/client/api/guests?sessionToken=" + token + "&action=" + action + "&id=" + enc(id),
                "application/octet-stream", new byte[0]).body();
    }

    static String waitingNames(String meetingID) throws Exception {
        Document d = api.xml("getMeetingInfo", "meetingID=" + enc(meetingID));
        NodeList guests = ((Element) d.getElementsByTagName("guestsWaiting").item(0)).getElementsByTagName("fullName");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < guests.getLength(); i++) {
            b.append(i > 0 ? "," : "").append(guests.item(i).getTextContent());
        }
        return b.toString();
    }

    @Test
    void askModeratorGuestWaitsIsApprovedAndIsReportedAsGuest() throws Exception {
        api.create("lobby-1", "&guestPolicy=ASK_MODERATOR");
        String mod = api.joinAndConnect("lobby-1", "Teacher", "MODERATOR");
        Document join = api.xml("join", "meetingID=lobby-1&fullName=Ann&role=VIEWER&guest=true&redirect=false&userID=ann-1");
        assertThat(text(join, "guestStatus")).isEqualTo("WAIT");
        assertThat(text(join, "url")).contains("/client/join?sessionToken=");
        String guest = text(join, "url");
        // BBB 3.0: the guest shows up once the client (the lobby page) is open
        assertThat(waitingNames("lobby-1")).isEmpty();
        assertThat(api.heartbeat(guest)).contains("\"status\":\"waiting\"");
        assertThat(waitingNames("lobby-1")).isEqualTo("Ann");
        Document info = api.xml("getMeetingInfo", "meetingID=lobby-1");
        assertThat(text(info, "participantCount")).isEqualTo("1");
        assertThat(((Element) info.getElementsByTagName("guestsWaiting").item(0)).getElementsByTagName("userID").item(0)
                .getTextContent()).isEqualTo("ann-1");
        // the moderator's page lists the guest, by id and name, never with the guest's session token
        String modState = api.heartbeat(mod);
        String guestToken = guest.substring(guest.indexOf("sessionToken=") + 13);
        assertThat(modState).contains("\"guestsWaiting\":[{\"id\":\"w_").contains("\"name\":\"Ann\"").doesNotContain(guestToken);
        String id = modState.replaceAll("(?s).*\"guestsWaiting\":\\[\\{\"id\":\"(w_[a-z0-9]+)\".*", "$1");
        // a viewer cannot let anyone in
        String viewer = api.joinAndConnect("lobby-1", "Pupil", "VIEWER");
        assertThat(guests(viewer, "approve", "all")).contains("only moderators");
        assertThat(api.heartbeat(viewer)).doesNotContain("guestsWaiting");
        assertThat(api.heartbeat(guest)).contains("\"status\":\"waiting\"");
        // the moderator approves: the guest's next heartbeat enters the meeting
        assertThat(guests(mod, "approve", id)).contains("\"decided\":1").contains("\"guestsWaiting\":[]");
        assertThat(api.heartbeat(guest)).contains("\"status\":\"connected\"").contains("\"guest\":true");
        info = api.xml("getMeetingInfo", "meetingID=lobby-1");
        assertThat(text(info, "participantCount")).isEqualTo("3");
        assertThat(((Element) info.getElementsByTagName("guestsWaiting").item(0)).getElementsByTagName("guest").getLength()).isZero();
        NodeList attendees = info.getElementsByTagName("attendee");
        int guests = 0;
        for (int i = 0; i < attendees.getLength(); i++) {
            Element a = (Element) attendees.item(i);
            boolean isGuest = Boolean.parseBoolean(a.getElementsByTagName("isGuest").item(0).getTextContent());
            assertThat(isGuest).isEqualTo("Ann".equals(a.getElementsByTagName("fullName").item(0).getTextContent()));
            guests += isGuest ? 1 : 0;
        }
        assertThat(guests).isEqualTo(1);
    }

    @Test
    void deniedGuestIsToldAndOneAndAllDecisionsWork() throws Exception {
        api.create("lobby-2", "&guestPolicy=ASK_MODERATOR");
        String mod = api.joinAndConnect("lobby-2", "Teacher", "MODERATOR");
        String bob = guestJoin("lobby-2", "Bob");
        String cy = guestJoin("lobby-2", "Cy");
        String di = guestJoin("lobby-2", "Di");
        api.heartbeat(bob);
        api.heartbeat(cy);
        api.heartbeat(di);
        assertThat(waitingNames("lobby-2")).isEqualTo("Bob,Cy,Di");
        // control API: deny one by external userID
        HttpResponse<String> r = api.control("POST", "guests/deny?meetingID=lobby-2&userID=ext-Bob");
        assertThat(r.body()).contains("\"decided\":1");
        assertThat(api.heartbeat(bob)).contains("\"status\":\"denied\"").contains("logoutURL");
        assertThat(waitingNames("lobby-2")).isEqualTo("Cy,Di");
        // a denied guest stays out even if it keeps polling
        assertThat(api.heartbeat(bob)).contains("\"status\":\"denied\"");
        // moderator page: deny all
        assertThat(guests(mod, "deny", "all")).contains("\"decided\":2");
        assertThat(api.heartbeat(cy)).contains("denied");
        assertThat(api.heartbeat(di)).contains("denied");
        assertThat(text(api.xml("getMeetingInfo", "meetingID=lobby-2"), "participantCount")).isEqualTo("1");
        // approve all through the control API
        String ed = guestJoin("lobby-2", "Ed");
        String flo = guestJoin("lobby-2", "Flo");
        api.heartbeat(ed);
        api.heartbeat(flo);
        assertThat(api.control("GET", "guests?meetingID=lobby-2").body()).contains("Ed").contains("Flo");
        assertThat(api.control("POST", "guests/approve?meetingID=lobby-2&all=true").body()).contains("\"decided\":2");
        assertThat(api.heartbeat(ed)).contains("connected");
        assertThat(api.heartbeat(flo)).contains("connected");
        assertThat(text(api.xml("getMeetingInfo", "meetingID=lobby-2"), "participantCount")).isEqualTo("3");
        assertThat(api.control("POST", "guests/approve?meetingID=lobby-2").statusCode()).isEqualTo(400);
        assertThat(api.control("POST", "guests/approve?meetingID=nope&all=true").statusCode()).isEqualTo(404);
        assertThat(guests(mod, "maybe", "all")).contains("action must be");
    }

    @Test
    void waitingGuestsDoNotMakeTheMeetingRunningAndLeaveWithTheirPage() throws Exception {
        // own server: a short heartbeat timeout would disconnect the other tests' users on a loaded machine
        try (DevServerMain s2 = TestSupport.start(TestSupport.opts().heartbeatTimeout(Duration.ofSeconds(1)))) {
            TestSupport.Api a2 = new TestSupport.Api(s2);
            TestSupport.Api saved = api;
            api = a2;
            try {
                api.create("lobby-3", "&guestPolicy=ASK_MODERATOR");
                String g = guestJoin("lobby-3", "Gus");
                assertThat(api.heartbeat(g)).contains("waiting");
                assertThat(text(api.xml("isMeetingRunning", "meetingID=lobby-3"), "running")).isEqualTo("false");
                assertThat(text(api.xml("getMeetingInfo", "meetingID=lobby-3"), "participantCount")).isEqualTo("0");
                // the page stops polling: the guest leaves the list, and is back when it polls again
                TestSupport.waitUntil("stale guest dropped", () -> waitingNames("lobby-3").isEmpty(), 10000);
                api.heartbeat(g);
                assertThat(waitingNames("lobby-3")).isEqualTo("Gus");
                api.clientCall(g, "leave");
                assertThat(waitingNames("lobby-3")).isEmpty();
            } finally {
                api = saved;
            }
        }
    }

    @Test
    void policiesAcceptDenyAndAcceptAuthenticated() throws Exception {
        api.create("lobby-acc", "&guestPolicy=ALWAYS_ACCEPT");
        assertThat(text(api.xml("join", "meetingID=lobby-acc&fullName=A&role=VIEWER&guest=true&redirect=false"),
                "guestStatus")).isEqualTo("ALLOW");
        api.create("lobby-default", "");
        assertThat(text(api.xml("join", "meetingID=lobby-default&fullName=A&role=VIEWER&guest=true&redirect=false"),
                "guestStatus")).isEqualTo("ALLOW");

        api.create("lobby-deny", "&guestPolicy=ALWAYS_DENY");
        Document denied = api.xml("join", "meetingID=lobby-deny&fullName=A&role=VIEWER&guest=true&redirect=false");
        assertThat(text(denied, "returncode")).isEqualTo("FAILED");
        assertThat(text(denied, "messageKey")).isEqualTo("guestDeniedAccess");
        HttpResponse<String> redirect = api.call("join", "meetingID=lobby-deny&fullName=A&role=VIEWER&guest=true"
                + "&errorRedirectUrl=" + enc("https://app.example/denied"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .startsWith("https://app.example/denied?errors=").contains("guestDeniedAccess");
        // a non-guest is not subject to the policy
        assertThat(text(api.xml("join", "meetingID=lobby-deny&fullName=B&role=VIEWER&redirect=false"), "guestStatus"))
                .isEqualTo("ALLOW");

        api.create("lobby-auth", "&guestPolicy=ALWAYS_ACCEPT_AUTH");
        assertThat(text(api.xml("join", "meetingID=lobby-auth&fullName=A&role=VIEWER&guest=true&redirect=false"),
                "guestStatus")).isEqualTo("WAIT");
        assertThat(text(api.xml("join", "meetingID=lobby-auth&fullName=B&role=VIEWER&redirect=false"), "guestStatus"))
                .isEqualTo("ALLOW");
        assertThat(text(api.xml("join", "meetingID=lobby-auth&fullName=C&role=VIEWER&auth=true&guest=true&redirect=false"),
                "guestStatus")).isEqualTo("ALLOW");

        api.create("lobby-ask", "&guestPolicy=ASK_MODERATOR");
        assertThat(text(api.xml("join", "meetingID=lobby-ask&fullName=D&role=VIEWER&redirect=false"), "guestStatus"))
                .isEqualTo("ALLOW");
        HttpResponse<String> page = api.raw(api.call("join", "meetingID=lobby-ask&fullName=E&role=VIEWER&guest=true"
                + "&userdata-bbb_override_default_locale=nl").headers().firstValue("Location").orElseThrow()
                .replace(api.base, ""));
        assertThat(page.body()).contains("<html lang=\"nl\"").contains("data-guest-status=\"WAIT\"")
                .contains("Wachtruimte").contains("id=\"dev-me\" hidden");
    }

    @Test
    void joinConnectsUserModeApprovesWithoutAPage() throws Exception {
        try (DevServerMain s2 = TestSupport.start(TestSupport.opts().joinConnectsUser(true))) {
            TestSupport.Api a2 = new TestSupport.Api(s2);
            a2.create("lobby-load", "&guestPolicy=ASK_MODERATOR");
            a2.xml("join", "meetingID=lobby-load&fullName=Mod&role=MODERATOR&redirect=false");
            a2.xml("join", "meetingID=lobby-load&fullName=Guest&role=VIEWER&guest=true&redirect=false&userID=g1");
            assertThat(text(a2.xml("getMeetingInfo", "meetingID=lobby-load"), "participantCount")).isEqualTo("1");
            assertThat(a2.control("POST", "guests/approve?meetingID=lobby-load&userID=g1").body()).contains("\"decided\":1");
            assertThat(text(a2.xml("getMeetingInfo", "meetingID=lobby-load"), "participantCount")).isEqualTo("2");
        }
    }
}

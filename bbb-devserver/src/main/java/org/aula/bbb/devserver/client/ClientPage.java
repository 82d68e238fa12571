package org.aula.bbb.devserver.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aula.bbb.devserver.DevResponse;

/**
 * HTML/JS served to browsers (conference client page, playback page). Kept apart from the API code so that a later
 * version can carry WebRTC here. All dynamic values are HTML-escaped; element ids are stable for browser tests:
 * {@code #dev-meeting-name}, {@code #dev-user-name}, {@code #dev-user-role}, {@code #dev-participants li},
 * {@code #dev-participant-count}, {@code #dev-status}, {@code #dev-leave}, {@code #dev-end} (moderators only).
 */
public final class ClientPage {
    private static final Map<String, byte[]> ASSETS = new ConcurrentHashMap<>();
    public static final String LABEL = "BigBlueButton development server — no audio or video";

    private ClientPage() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String head(String title, String assetBase) {
        return head(title, assetBase, "en");
    }

    private static String head(String title, String assetBase, String lang) {
        return "<!doctype html><html lang=\"" + escape(lang) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + assetBase + "client.css\"></head>";
    }

    /** The conference page a join redirect lands on (English). */
    public static String page(String meetingName, String userName, String role, String guestStatus) {
        return page(meetingName, userName, role, guestStatus, "en");
    }

    /**
     * The conference page. A guest with status WAIT first sees the waiting room; the script moves the page into the
     * meeting once a moderator lets the guest in.
     */
    public static String page(String meetingName, String userName, String role, String guestStatus, String lang) {
        boolean moderator = "MODERATOR".equals(role);
        boolean waiting = "WAIT".equals(guestStatus);
        java.util.function.Function<String, String> t = k -> escape(ClientTexts.get(lang, k));
        return head(meetingName + " — BBB devserver", "", lang)
                + "<body data-role=\"" + escape(role) + "\" data-guest-status=\"" + escape(guestStatus) + "\">"
                + "<header><p class=\"banner\" id=\"dev-banner\">" + escape(LABEL) + "</p>"
                + "<h1 id=\"dev-meeting-name\">" + escape(meetingName) + "</h1></header>"
                + "<main>"
                + "<section id=\"dev-lobby\" aria-labelledby=\"dev-lobby-title\"" + (waiting ? "" : " hidden") + ">"
                + "<h2 id=\"dev-lobby-title\">" + t.apply("lobbyTitle") + "</h2>"
                + "<p id=\"dev-lobby-text\" role=\"status\">" + t.apply("lobbyWait") + "</p>"
                + "<p><a id=\"dev-lobby-back\" href=\"#\" hidden>" + t.apply("back") + "</a></p></section>"
                + "<section class=\"me\" id=\"dev-me\"" + (waiting ? " hidden" : "") + "><p>" + t.apply("youAre")
                + " <strong id=\"dev-user-name\">" + escape(userName)
                + "</strong> (<span id=\"dev-user-role\">" + escape(role) + "</span>)</p>"
                + "<p>" + t.apply("status") + ": <span id=\"dev-status\" data-status=\"connecting\">"
                + t.apply("connecting") + "</span></p>"
                + "<button id=\"dev-leave\" type=\"button\">" + t.apply("leave") + "</button>"
                + (moderator ? " <button id=\"dev-end\" type=\"button\">" + t.apply("end") + "</button>" : "")
                + "</section>"
                + (moderator ? "<section id=\"dev-guests\" aria-labelledby=\"dev-guests-title\" hidden>"
                + "<h2 id=\"dev-guests-title\">" + t.apply("guestsWaiting") + " (<span id=\"dev-guest-count\">0</span>)</h2>"
                + "<ul id=\"dev-guest-list\"></ul>"
                + "<p><button id=\"dev-guests-approve-all\" type=\"button\">" + t.apply("approveAll") + "</button> "
                + "<button id=\"dev-guests-deny-all\" type=\"button\">" + t.apply("denyAll") + "</button></p>"
                + "<p id=\"dev-guest-announce\" class=\"visually-hidden\" role=\"status\"></p></section>" : "")
                + "<section id=\"dev-people\"" + (waiting ? " hidden" : "") + "><h2>" + t.apply("participants")
                + " (<span id=\"dev-participant-count\">0</span>)</h2>"
                + "<ul id=\"dev-participants\"></ul></section>"
                + "<section id=\"dev-chat-section\"" + (waiting ? " hidden" : "") + "><h2>" + t.apply("chat")
                + "</h2><ul id=\"dev-chat\"></ul></section></main>"
                + (moderator ? "<dialog id=\"dev-end-dialog\" aria-labelledby=\"dev-end-question\">"
                + "<p id=\"dev-end-question\">" + t.apply("endConfirm") + "</p>"
                + "<button id=\"dev-end-confirm\" type=\"button\">" + t.apply("endYes") + "</button> "
                + "<button id=\"dev-end-cancel\" type=\"button\">" + t.apply("cancel") + "</button></dialog>" : "")
                + "<script type=\"application/json\" id=\"dev-texts\">" + ClientTexts.json(lang) + "</script>"
                + "<script src=\"client.js\" defer></script></body></html>";
    }

    public static String unknownSessionPage() {
        return head("BBB devserver", "") + "<body><p class=\"banner\">" + escape(LABEL)
                + "</p><h1 id=\"dev-error\">Unknown or expired session</h1></body></html>";
    }

    public static String indexPage() {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BBB devserver</title></head><body>"
                + "<h1>" + escape(LABEL) + "</h1><p>API: <code>bigbluebutton/api</code></p></body></html>";
    }

    public static String playbackPage(String name, String recordId, long start, long end, int participants) {
        return head("Recording: " + name, "../../../client/") + "<body><p class=\"banner\">"
                + escape(LABEL) + "</p><h1 id=\"dev-recording-name\">" + escape(name) + "</h1>"
                + "<p>Recording <code id=\"dev-record-id\">" + escape(recordId) + "</code></p>"
                + "<p>From " + escape(new Date(start).toString()) + " to " + escape(new Date(end).toString())
                + ", " + participants + " participant(s). This simulated recording has no media.</p>"
                + "<img alt=\"Slide 1\" width=\"176\" height=\"136\" src=\"" + escape(recordId) + "/thumbnails/thumb-1.png\">"
                + "</body></html>";
    }

    /** Static asset from this package's resources. */
    public static DevResponse asset(String name, String contentType) {
        byte[] b = ASSETS.computeIfAbsent(name, n -> {
            try (InputStream in = ClientPage.class.getResourceAsStream(n)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        return DevResponse.bytes(contentType, b);
    }
}

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
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + assetBase + "client.css\"></head>";
    }

    /** The conference page a join redirect lands on. */
    public static String page(String meetingName, String userName, String role, String guestStatus) {
        boolean moderator = "MODERATOR".equals(role);
        return head(meetingName + " — BBB devserver", "")
                + "<body data-role=\"" + escape(role) + "\" data-guest-status=\"" + escape(guestStatus) + "\">"
                + "<header><p class=\"banner\" id=\"dev-banner\">" + escape(LABEL) + "</p>"
                + "<h1 id=\"dev-meeting-name\">" + escape(meetingName) + "</h1></header>"
                + "<main><section class=\"me\"><p>You are <strong id=\"dev-user-name\">" + escape(userName)
                + "</strong> (<span id=\"dev-user-role\">" + escape(role) + "</span>)</p>"
                + "<p>Status: <span id=\"dev-status\" data-status=\"connecting\">connecting…</span></p>"
                + "<button id=\"dev-leave\" type=\"button\">Leave</button>"
                + (moderator ? " <button id=\"dev-end\" type=\"button\">End meeting</button>" : "")
                + "</section><section><h2>Participants (<span id=\"dev-participant-count\">0</span>)</h2>"
                + "<ul id=\"dev-participants\"></ul></section>"
                + "<section><h2>Chat</h2><ul id=\"dev-chat\"></ul></section></main>"
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

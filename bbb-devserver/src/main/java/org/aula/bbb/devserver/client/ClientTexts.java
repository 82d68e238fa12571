package org.aula.bbb.devserver.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The conference page's texts in English and Dutch (informal "je", "bijeenkomst"). The language comes from the
 * join's {@code userdata-bbb_override_default_locale}, the BBB client setting for it; anything else is English.
 * {@code {0}} is replaced by the page script (a name).
 */
public final class ClientTexts {
    private static final Map<String, String> EN = new LinkedHashMap<>();
    private static final Map<String, String> NL = new LinkedHashMap<>();

    private static void t(String key, String en, String nl) {
        EN.put(key, en);
        NL.put(key, nl);
    }

    static {
        t("banner", "Aula's built-in conference server: audio, video and screen sharing for small rooms, in the browser. "
                        + "Use a BigBlueButton server for classes and lectures.",
                "De ingebouwde conferentieserver van Aula: geluid, beeld en scherm delen voor kleine groepen, in de browser. "
                        + "Gebruik een BigBlueButton-server voor klassen en colleges.");
        t("youAre", "You are", "Je bent");
        t("status", "Status", "Status");
        t("connecting", "connecting…", "verbinden…");
        t("connected", "connected", "verbonden");
        t("reconnecting", "reconnecting…", "opnieuw verbinden…");
        t("waiting", "waiting", "wachten");
        t("denied", "denied", "geweigerd");
        t("ended", "ended", "beëindigd");
        t("left", "left", "vertrokken");
        t("MODERATOR", "moderator", "moderator");
        t("VIEWER", "viewer", "deelnemer");
        t("guest", "guest", "gast");
        t("you", "you", "jij");
        t("leave", "Leave", "Verlaten");
        t("end", "End meeting for everyone", "Bijeenkomst voor iedereen beëindigen");
        t("endConfirm", "End the meeting for everyone? Everybody will be sent out of it.",
                "De bijeenkomst voor iedereen beëindigen? Iedereen moet de bijeenkomst dan verlaten.");
        t("endYes", "Yes, end it", "Ja, beëindigen");
        t("cancel", "Cancel", "Annuleren");
        t("participants", "Participants", "Deelnemers");
        t("chat", "Chat", "Chat");
        t("lobbyTitle", "Waiting room", "Wachtruimte");
        t("lobbyWait", "A moderator has been told you are here. You will enter the meeting as soon as they let you in.",
                "Een moderator weet dat je er bent. Je komt in de bijeenkomst zodra die je binnenlaat.");
        t("lobbyDenied", "A moderator did not let you in to this meeting.",
                "Een moderator heeft je niet toegelaten tot deze bijeenkomst.");
        t("back", "Back", "Terug");
        t("guestsWaiting", "Waiting guests", "Wachtende gasten");
        t("approve", "Let in", "Binnenlaten");
        t("deny", "Deny", "Weigeren");
        t("approveName", "Let {0} in", "{0} binnenlaten");
        t("denyName", "Deny {0}", "{0} weigeren");
        t("approveAll", "Let everyone in", "Iedereen binnenlaten");
        t("denyAll", "Deny everyone", "Iedereen weigeren");
        t("guestArrived", "{0} is waiting to be let in.", "{0} wacht om binnengelaten te worden.");
    }

    private ClientTexts() {
    }

    /** "nl" for a Dutch locale value (nl, nl-NL, nl_BE …), else "en". */
    public static String language(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("nl") ? "nl" : "en";
    }

    public static Map<String, String> of(String lang) {
        return "nl".equals(lang) ? NL : EN;
    }

    public static String get(String lang, String key) {
        return of(lang).getOrDefault(key, EN.getOrDefault(key, key));
    }

    /** The texts as a JSON object for the page script. */
    public static String json(String lang) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : of(lang).entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(jsonStr(e.getKey())).append(':').append(jsonStr(e.getValue()));
        }
        return b.append('}').toString();
    }

    static String jsonStr(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c"); // safe inside a <script> data block
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

package org.aula.attendance;

import java.util.Objects;
import org.aula.bbb.BbbException;
import org.aula.bbb.CreateHook;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsChanged;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps one global bbb-webhooks hook pointing at {@code <base>/callbacks/webhooks} on the configured BBB server: at
 * start-up, when the settings change, and every few minutes (bbb-webhooks forgets non-permanent hooks when its
 * storage is reset). hooks/list first, so restarts and several nodes do not pile up duplicate hooks.
 *
 * <p>When the server has no webhooks module (hooks/* fails), attendance falls back to the attendee lists of the
 * conference refresher; {@link #receivingEvents()} tells which source is in use for the current settings.
 *
 * <p>The callback URL carries no token: deliveries are verified with the bbb-webhooks checksum
 * ({@code HASH(callbackURL + body + secret)}), which also covers the body, and a URL leaked through hooks/list or
 * BBB's logs is then worth nothing without the shared secret.
 */
@Component
class WebhookRegistration {

    static final String PATH = "/callbacks/webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final BbbAccess bbb;
    private final VideoconferenceSettingsService settings;
    private final String configuredBaseUrl;
    private volatile String localBaseUrl;
    /** The settings under which the hook was confirmed; null when there is none (polling). */
    private volatile VideoconferenceSettings registeredWith;

    WebhookRegistration(BbbAccess bbb, VideoconferenceSettingsService settings,
                        @Value("${aula.base-url:}") String configuredBaseUrl) {
        this.bbb = bbb;
        this.settings = settings;
        this.configuredBaseUrl = configuredBaseUrl.endsWith("/")
                ? configuredBaseUrl.substring(0, configuredBaseUrl.length() - 1) : configuredBaseUrl;
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            localBaseUrl = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** In the background: a slow BBB must not hold up the start. */
    @EventListener({ApplicationReadyEvent.class, VideoconferenceSettingsChanged.class})
    void settingsReadyOrChanged() {
        Thread.ofVirtual().name("webhook-registration").start(this::ensureHook);
    }

    @Scheduled(fixedDelayString = "${aula.attendance.hook-check-interval:10m}",
            initialDelayString = "${aula.attendance.hook-check-interval:10m}")
    void periodicCheck() {
        ensureHook();
    }

    /** Where BBB must POST events; without aula.base-url only a BBB on this host can reach it. */
    String callbackUrl() {
        String base = configuredBaseUrl.isBlank() ? localBaseUrl : configuredBaseUrl;
        return base == null ? null : base + PATH;
    }

    /** True when webhook events arrive for the current settings (then the polled lists are not needed). */
    boolean receivingEvents() {
        VideoconferenceSettings with = registeredWith;
        return with != null && with.equals(settings.current());
    }

    /** Registers the hook unless it is there already. */
    synchronized void ensureHook() {
        VideoconferenceSettings current = settings.current();
        String url = callbackUrl();
        if (!current.isActive() || url == null) {
            registeredWith = null;
            return;
        }
        try {
            boolean present = bbb.call("hooks/list", c -> c.listHooks(null)).stream()
                    .anyMatch(h -> h.isGlobal() && Objects.equals(h.callbackUrl(), url));
            if (!present) {
                bbb.call("hooks/create", c -> c.createHook(CreateHook.builder(url).build()));
                log.info("Attendance: registered a webhook for {} with the BBB server", url);
            }
            registeredWith = current;
        } catch (BbbException e) {
            // The server answered but has no (working) webhooks module: follow presence by polling.
            registeredWith = null;
            log.info("Attendance: BBB refused webhooks ({}); using the meeting refresh instead", e.messageKey());
        } catch (BbbUnavailableException e) {
            // No webhooks module answers (e.g. 404 for hooks/*) or BBB is down: poll until the next check.
            registeredWith = null;
            log.info("Attendance: webhooks not available ({}); using the meeting refresh instead", e.getMessage());
        }
    }
}

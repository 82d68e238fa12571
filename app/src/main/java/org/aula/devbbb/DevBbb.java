package org.aula.devbbb;

import java.util.Map;
import org.aula.bbb.devserver.DevServer;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The development BBB server mounted in this app (demo mode only): its URL, its counters for tests and benchmarks,
 * and the secret for its control API (tests only; it is never shown or logged).
 */
public class DevBbb {

    private static final Logger log = LoggerFactory.getLogger(DevBbb.class);

    private final DevServer server;
    private final VideoconferenceSettingsService settings;
    private final String configuredBaseUrl;
    private volatile String url;

    DevBbb(DevServer server, VideoconferenceSettingsService settings, String configuredBaseUrl) {
        this.server = server;
        this.settings = settings;
        this.configuredBaseUrl = configuredBaseUrl.endsWith("/")
                ? configuredBaseUrl.substring(0, configuredBaseUrl.length() - 1) : configuredBaseUrl;
    }

    @EventListener
    void configurePlugin(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return; // a separate management port is not where the devserver is mounted
        }
        String base = configuredBaseUrl.isBlank() ? "http://localhost:" + event.getWebServer().getPort()
                : configuredBaseUrl;
        url = base + DevBbbConfiguration.MOUNT;
        if (settings.useDevServerIfUnconfigured(url, server.options().secret())) {
            log.info("Demo mode: the videoconference plugin uses the built-in BBB development server at {}", url);
        } else {
            log.info("Demo mode: BBB development server at {} (the plugin keeps its configured server)", url);
        }
    }

    /** Base URL of the mounted server, e.g. http://localhost:8080/devbbb (known once the web server started). */
    public String url() {
        return url;
    }

    /**
     * Aula's own base URL as the mounted server reaches it (e.g. http://localhost:8080): fixed at start-up (or
     * aula.base-url), never taken from a request's Host header. Null until the web server started.
     */
    public String appBase() {
        String u = url;
        return u == null ? null : u.substring(0, u.length() - DevBbbConfiguration.MOUNT.length());
    }

    /** True when this BBB server URL (as the plugin settings hold it) is the mounted server. */
    public boolean serves(String serverUrl) {
        String u = url;
        return u != null && serverUrl != null && (serverUrl.equals(u) || serverUrl.startsWith(u + "/"));
    }

    /**
     * A URL of the mounted server as a browser should open it: only its path and query, so the browser stays on the
     * host name it used for Aula (127.0.0.1, a LAN name...). Other URLs are returned unchanged.
     */
    public String forBrowser(String serverUrl) {
        String base = appBase();
        return serves(serverUrl) ? serverUrl.substring(base.length()) : serverUrl;
    }

    /** The server's shared secret (needed by tests for the control API). */
    public String secret() {
        return server.options().secret();
    }

    /** Calls answered per API call name since start (or the last counter reset). */
    public Map<String, Long> counters() {
        return server.counters();
    }

    public DevServer server() {
        return server;
    }
}

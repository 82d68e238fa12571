package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.aula.devbbb.DevBbb;
import org.aula.settings.VideoconferenceSettingsService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of Aula that BBB calls or sends people to (callbacks with their tokens, slides, logout). They come
 * from a trusted base only, never from a request's Host header alone, since whoever starts a meeting with a forged
 * Host would receive the end token and the recording-ready JWT:
 * <ol>
 *   <li>{@code aula.base-url} when set;</li>
 *   <li>else, when BBB is the built-in server mounted in this app, Aula's own address fixed at start-up;</li>
 *   <li>else the request's host name only when it is in {@code aula.allowed-hosts} (loopback names always are);</li>
 *   <li>else {@link UntrustedHostException}: no meeting.</li>
 * </ol>
 * Links between the browser and the built-in server stay on the host name the browser used (relative URLs), so the
 * demo works as 127.0.0.1, localhost or a LAN name alike.
 */
@Component
class AppUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String configured;
    private final Set<String> allowedHosts;
    private final ObjectProvider<DevBbb> devBbb;
    private final VideoconferenceSettingsService settings;

    AppUrls(@Value("${aula.base-url:}") String configured, @Value("${aula.allowed-hosts:}") String allowedHosts,
            ObjectProvider<DevBbb> devBbb, VideoconferenceSettingsService settings) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.allowedHosts = Arrays.stream(allowedHosts.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.devBbb = devBbb;
        this.settings = settings;
    }

    /**
     * Base URL (no trailing slash) for what BBB calls back: meeting ended, recording ready, slides.
     *
     * @throws UntrustedHostException when no base is configured and the request's host name is not allowed
     */
    String base(HttpServletRequest request) {
        if (!configured.isBlank()) {
            return configured;
        }
        DevBbb builtIn = builtIn();
        if (builtIn != null && builtIn.appBase() != null) {
            return builtIn.appBase() + request.getContextPath();
        }
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (LOOPBACK.contains(host) || allowedHosts.contains(host)) {
            return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        }
        throw new UntrustedHostException(host);
    }

    /**
     * Where participants go when they leave the conference ({@code path} from the context root, e.g.
     * "/rooms/personal"): relative with the built-in server, so they come back on the host name they came from.
     */
    String logoutUrl(HttpServletRequest request, String path) {
        if (builtIn() != null) {
            return request.getContextPath() + path;
        }
        return base(request) + path;
    }

    /** A join URL as the browser should open it: the built-in server's on the browser's own host name. */
    URI forBrowser(URI joinUrl) {
        DevBbb builtIn = devBbb.getIfAvailable();
        return builtIn == null ? joinUrl : URI.create(builtIn.forBrowser(joinUrl.toString()));
    }

    /** Aula's address for links people share (not for BBB): the configured base, else the browser's own. */
    String shareBase(HttpServletRequest request) {
        return configured.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                : configured;
    }

    /** The built-in server when it is the BBB server the plugin uses, else null. */
    private DevBbb builtIn() {
        DevBbb builtIn = devBbb.getIfAvailable();
        return builtIn != null && builtIn.serves(settings.current().serverUrl()) ? builtIn : null;
    }
}

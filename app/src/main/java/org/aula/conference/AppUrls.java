package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of Aula for BBB (logout, callbacks). {@code aula.base-url} wins when set (behind proxies, or when
 * BBB must reach Aula under another name); otherwise the URL of the current request.
 */
@Component
class AppUrls {

    private final String configured;

    AppUrls(@Value("${aula.base-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    String base(HttpServletRequest request) {
        if (!configured.isBlank()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}

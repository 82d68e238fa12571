package org.aula.conference;

import java.util.Map;

/**
 * How to create a room's next meeting; the caller (course tool, group tool...) decides these.
 *
 * @param appBaseUrl absolute base URL of Aula as BBB reaches it, for the callbacks (no trailing slash)
 * @param logoutUrl absolute URL participants return to when they leave
 * @param metadata extra meta_ values (keys without "meta_"), e.g. aula-course
 */
public record StartOptions(boolean record, String appBaseUrl, String logoutUrl, Map<String, String> metadata) {

    public StartOptions {
        metadata = Map.copyOf(metadata);
    }
}

package org.aula.bbb;

/**
 * Answer of the root call. Strings are empty when the server does not send them: {@code bbbVersion}
 * is often hidden, and the graphql/plugin fields exist only on 3.0.
 */
public record ApiVersion(
        String version,
        String apiVersion,
        String bbbVersion,
        String graphqlWebsocketUrl,
        String graphqlApiUrl,
        String html5PluginSdkVersion) {
}

package org.aula.conference;

/**
 * A meeting was to be started under a host name Aula is not configured for ({@code aula.base-url} unset and the
 * name not in {@code aula.allowed-hosts}). Answered with a page that says so; nothing is created.
 */
class UntrustedHostException extends RuntimeException {

    private final String host;

    UntrustedHostException(String host) {
        super("Host name not allowed for URLs given to BBB");
        this.host = host;
    }

    String host() {
        return host;
    }
}

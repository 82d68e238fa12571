package org.aula.bbb;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the BBB server is and how to talk to it.
 *
 * <p>{@code apiBase} is always normalised to end in {@code /bigbluebutton/api/}, whatever form the
 * administrator typed (see {@link #normaliseApiBase(String)}). The shared secret is never part of
 * {@link #toString()}.
 *
 * @param apiBase normalised API base, e.g. {@code https://bbb.example.org/bigbluebutton/api/}
 * @param secret the shared secret ({@code securitySalt})
 * @param checksumAlgorithm checksum hash, must be enabled on the server
 * @param connectTimeout TCP/TLS connect timeout of the client's own HttpClient
 * @param requestTimeout time allowed for a whole call, response body included
 * @param maxResponseBytes larger bodies are refused; guards the app against a broken or hostile peer
 */
public record BbbConfig(
        URI apiBase,
        String secret,
        ChecksumAlgorithm checksumAlgorithm,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxResponseBytes) {

    public static final ChecksumAlgorithm DEFAULT_CHECKSUM_ALGORITHM = ChecksumAlgorithm.SHA256;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** 16 MiB: far above any real answer (a large getRecordings page is a few hundred KB). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private static final String API_PATH = "/bigbluebutton/api/";

    public BbbConfig {
        Objects.requireNonNull(apiBase, "apiBase");
        apiBase = normaliseApiBase(apiBase.toString());
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("BBB shared secret is blank");
        }
        Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
        }
    }

    /** Configuration with the defaults: SHA-256, 2 s connect, 5 s per request. */
    public static BbbConfig of(String serverUrl, String secret) {
        return builder().serverUrl(serverUrl).secret(secret).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        return new Builder().serverUrl(apiBase.toString()).secret(secret).checksumAlgorithm(checksumAlgorithm)
                .connectTimeout(connectTimeout).requestTimeout(requestTimeout).maxResponseBytes(maxResponseBytes);
    }

    /** The URL of one API call without query, e.g. {@code .../api/getMeetings}. */
    public URI callUri(String callName) {
        return URI.create(apiBase + callName);
    }

    @Override
    public String toString() {
        // The secret is deliberately absent: configs end up in logs and exception messages.
        return "BbbConfig[apiBase=" + apiBase + ", secret=***, checksumAlgorithm=" + checksumAlgorithm
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /**
     * Turns a server URL as an administrator would type it into the API base.
     *
     * <p>Accepted: {@code bbb.example.org}, {@code https://bbb.example.org},
     * {@code https://bbb.example.org/bigbluebutton}, {@code .../bigbluebutton/api}, each with or
     * without a trailing slash, plus a path prefix for servers behind a reverse-proxy path. A
     * missing scheme means https. Rejected, with a message that says why: blank input, whitespace
     * inside, schemes other than http/https, no host, user info, a query or a fragment.
     *
     * @throws IllegalArgumentException if the text cannot be a BBB base URL
     */
    public static URI normaliseApiBase(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalArgumentException("BBB server URL is blank");
        }
        String s = serverUrl.strip();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("BBB server URL '" + s + "' contains whitespace");
            }
        }
        if (!s.contains("://")) {
            if (s.matches("(?i)^[a-z][a-z0-9+.-]*:/.*") || s.regionMatches(true, 0, "mailto:", 0, 7)) {
                throw new IllegalArgumentException("BBB server URL '" + s + "' is malformed; expected https://host/...");
            }
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("BBB server URL '" + serverUrl.strip() + "' is not a valid URL: "
                    + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' must use http or https, not '"
                    + uri.getScheme() + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("BBB server URL '" + uri.getHost()
                    + "' must not contain user info; BBB authenticates with the shared secret");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' has no host name");
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' has an invalid port " + uri.getPort());
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' must not contain a query (?...)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' must not contain a fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/bigbluebutton/api")) {
            path = path.substring(0, path.length() - "/bigbluebutton/api".length());
        } else if (lower.endsWith("/bigbluebutton")) {
            path = path.substring(0, path.length() - "/bigbluebutton".length());
        }
        if (path.contains("//")) {
            throw new IllegalArgumentException("BBB server URL '" + s + "' has an empty path segment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + host + port + path + API_PATH);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Mutable builder; {@link #serverUrl} and {@link #secret} are required. */
    public static final class Builder {
        private String serverUrl;
        private String secret;
        private ChecksumAlgorithm checksumAlgorithm = DEFAULT_CHECKSUM_ALGORITHM;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        public Builder serverUrl(String serverUrl) {
            this.serverUrl = serverUrl;
            return this;
        }

        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder checksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
            this.checksumAlgorithm = checksumAlgorithm;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** @throws IllegalArgumentException if the URL cannot be a BBB base URL or a value is invalid */
        public BbbConfig build() {
            if (serverUrl == null) {
                throw new IllegalArgumentException("BBB server URL is missing");
            }
            if (secret == null) {
                throw new IllegalArgumentException("BBB shared secret is missing");
            }
            return new BbbConfig(normaliseApiBase(serverUrl), secret, checksumAlgorithm, connectTimeout,
                    requestTimeout, maxResponseBytes);
        }
    }
}

package org.aula.settings;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aula.bbb.ApiVersion;
import org.aula.bbb.BbbClient;
import org.aula.bbb.BbbConfig;
import org.aula.bbb.BbbException;
import org.aula.bbb.BbbTransportException;
import org.aula.bbb.ChecksumAlgorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Test connection" on the plugin page: tells the administrator exactly which part is wrong. It uses its own
 * short-lived client (not the app's shared one with its circuit breaker) because it tests values not saved yet.
 */
@Component
class BbbConnectionCheck {

    enum Outcome { OK, INVALID_URL, DNS, REFUSED, TIMEOUT, NOT_BBB, WRONG_SECRET, ALGORITHM_REJECTED, FAILED,
        SECRET_NEEDED, FORBIDDEN_TARGET }

    /** Cloud metadata services (AWS IPv6); 169.254.169.254 is link-local and caught as such. */
    private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254");

    private final boolean allowPrivateTargets;

    BbbConnectionCheck(@Value("${aula.bbb.allow-private-targets:false}") boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /**
     * Link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata services are never a BBB server, but a
     * request to them from Aula's host can read credentials: refused unless aula.bbb.allow-private-targets.
     */
    boolean forbiddenTarget(String serverUrl) {
        if (allowPrivateTargets) {
            return false;
        }
        String host;
        try {
            host = BbbConfig.normaliseApiBase(serverUrl).getHost();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false; // reported as an invalid URL
        }
        if (host == null) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLinkLocalAddress() || METADATA.contains(address.getHostAddress())) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false; // reported as a DNS problem by the check itself
        }
        return false;
    }

    /**
     * @param detail technical detail safe to show (URLs without query, BBB messageKey); never the secret
     * @param version BBB version on success
     * @param acceptedAlgorithm for ALGORITHM_REJECTED: an algorithm the server does accept with this secret
     */
    record Result(Outcome outcome, String detail, String version, ChecksumAlgorithm acceptedAlgorithm) {
        boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    Result check(String serverUrl, String secret, ChecksumAlgorithm algorithm) {
        if (forbiddenTarget(serverUrl)) {
            return new Result(Outcome.FORBIDDEN_TARGET, null, null, null);
        }
        BbbConfig config;
        try {
            config = BbbConfig.builder().serverUrl(serverUrl).secret(secret == null ? "" : secret)
                    .checksumAlgorithm(algorithm).connectTimeout(Duration.ofSeconds(2))
                    .requestTimeout(Duration.ofSeconds(3)).build();
        } catch (IllegalArgumentException e) {
            // BbbConfig's messages name the URL problem; a blank secret is reported as such (no value shown).
            return new Result(Outcome.INVALID_URL, e.getMessage(), null, null);
        } catch (NullPointerException e) {
            return new Result(Outcome.INVALID_URL, "missing value", null, null);
        }
        BbbClient client = new BbbClient(config);
        ApiVersion version;
        try {
            version = client.version();
        } catch (BbbTransportException e) {
            return transportProblem(e);
        } catch (BbbException e) {
            return new Result(Outcome.NOT_BBB, e.getMessage(), null, null);
        }
        try {
            client.getMeetings();
        } catch (BbbException e) {
            if (!e.isChecksumError()) {
                return new Result(Outcome.FAILED, e.getMessage(), null, null);
            }
            // A checksum error means a wrong secret or an algorithm the server has disabled; the same secret with
            // another algorithm tells the two apart.
            for (ChecksumAlgorithm other : others(algorithm)) {
                try {
                    new BbbClient(config.toBuilder().checksumAlgorithm(other).build()).getMeetings();
                    return new Result(Outcome.ALGORITHM_REJECTED, algorithm.name(), null, other);
                } catch (BbbException | BbbTransportException ignored) {
                    // try the next one
                }
            }
            return new Result(Outcome.WRONG_SECRET, "checksumError", null, null);
        } catch (BbbTransportException e) {
            return transportProblem(e);
        }
        String shown = !version.bbbVersion().isBlank() ? version.bbbVersion() : "API " + version.apiVersion();
        return new Result(Outcome.OK, null, shown, null);
    }

    private static List<ChecksumAlgorithm> others(ChecksumAlgorithm algorithm) {
        var list = new ArrayList<>(List.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA512,
                ChecksumAlgorithm.SHA384));
        list.remove(algorithm);
        return list;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... kinds) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            for (Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Result transportProblem(BbbTransportException e) {
        // The JDK wraps a DNS failure in a ConnectException, so look through the whole chain for each kind in turn.
        if (causedBy(e, UnresolvedAddressException.class, UnknownHostException.class)) {
            return new Result(Outcome.DNS, e.getMessage(), null, null);
        }
        if (causedBy(e, HttpConnectTimeoutException.class, HttpTimeoutException.class,
                java.util.concurrent.TimeoutException.class)) {
            return new Result(Outcome.TIMEOUT, e.getMessage(), null, null);
        }
        if (causedBy(e, ConnectException.class)) {
            return new Result(Outcome.REFUSED, e.getMessage(), null, null);
        }
        if (e.getMessage() != null && e.getMessage().contains("did not answer within")) {
            return new Result(Outcome.TIMEOUT, e.getMessage(), null, null);
        }
        if (e.statusCode() == -1 && e.getCause() instanceof java.io.IOException) {
            return new Result(Outcome.REFUSED, e.getMessage(), null, null);
        }
        // An answer came, but not a BBB one: HTML page, other XML, 404 for the API path, garbage.
        return new Result(Outcome.NOT_BBB, e.getMessage(), null, null);
    }
}

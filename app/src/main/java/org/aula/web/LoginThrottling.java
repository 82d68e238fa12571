package org.aula.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.aula.audit.AuditLog;
import org.aula.throttle.Throttle;
import org.aula.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing is slowed per account name and per client address (after trusted-proxy processing, see
 * {@link TrustedProxies}): past a few failures the name or address is locked for a time that doubles with each
 * further failure. While locked, sign-in is refused without checking the password, the right one included. The
 * answer is the same whether or not the account exists (names that exist nowhere are counted alike); each lock is
 * audited.
 */
@Component
class LoginThrottling {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottling.class);

    private final Throttle throttle;
    private final AuditLog auditLog;
    private final UserRepository users;
    private final Throttle.Policy accounts;
    private final Throttle.Policy addresses;

    LoginThrottling(Throttle throttle, AuditLog auditLog, UserRepository users,
                    @Value("${aula.login.account-failures:5}") int accountFailures,
                    @Value("${aula.login.address-failures:20}") int addressFailures) {
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.users = users;
        this.accounts = new Throttle.Policy("login-account", accountFailures, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(1));
        this.addresses = new Throttle.Policy("login-address", addressFailures, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofHours(1));
    }

    /** Runs before the password check of POST /login: a locked name or address gets no check at all. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (throttle.lockedFor(accounts, account(request)).isPresent()
                        || throttle.lockedFor(addresses, request.getRemoteAddr()).isPresent()) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Counts the failure for the name and the address; "locked" when it started a lock, else the usual error. */
    AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String account = account(request);
            Optional<Duration> accountLock = throttle.failed(accounts, account);
            Optional<Duration> addressLock = throttle.failed(addresses, request.getRemoteAddr());
            accountLock.ifPresent(lock -> audit("user:" + auditName(account), lock));
            addressLock.ifPresent(lock -> audit("address:" + request.getRemoteAddr(), lock));
            boolean locked = accountLock.isPresent() || addressLock.isPresent();
            response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
        };
    }

    /** A successful sign-in forgets the account's failures (not the address's: it may be an attacker's own account). */
    void succeeded(HttpServletRequest request) {
        throttle.succeeded(accounts, account(request));
    }

    private void audit(String target, Duration lock) {
        log.warn("Sign-in locked for {} s after repeated failures ({})", lock.toSeconds(), target);
        auditLog.record(null, "login.locked", target, "locked for " + lock.toSeconds() + " s after failed sign-ins");
    }

    /** The typed name as a key; a name that exists nowhere counts the same way. */
    private static String account(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Typed names of no account are not written down: people type their password into the wrong field. */
    private String auditName(String account) {
        return users.findByUsername(account).map(u -> u.username()).orElse("(no such account)");
    }
}

package org.aula.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes account changes count on the user's next request: the signed-in user kept in the HTTP session is only a
 * copy, so every request re-reads the account by its primary key (one indexed read). A changed role, name or locale
 * replaces the copy; a disabled or deleted account ends the session, and the request goes on as anonymous (pages
 * then lead to the login page, never to a 500).
 *
 * <p>Re-reading rather than keeping a registry of sessions per user works wherever sessions live (in memory or,
 * with Spring Session JDBC, in the database) and on every node. Static files, the callbacks and the built-in BBB
 * server skip the read: they do not use the signed-in user. Not a bean: it runs inside the security filter chain
 * only (a bean would also be registered as a servlet filter, before the session's user is known).
 */
public class SignedInUserRefresh extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignedInUserRefresh.class);
    private static final String[] SKIPPED = {"/webjars/", "/css/", "/js/", "/callbacks/", "/devbbb/", "/favicon.ico",
            "/actuator/health"};

    private final UserRepository users;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SignedInUserRefresh(UserRepository users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String skipped : SKIPPED) {
            if (path.startsWith(skipped)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AulaUser copy) {
            Optional<AulaUser> current = users.findSignedIn(copy.id()).filter(AulaUser::enabled);
            if (current.isEmpty()) {
                signOut(request, copy);
            } else if (!current.get().equals(copy)) {
                replace(request, response, authentication, current.get());
            }
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request, AulaUser copy) {
        log.info("Ending the session of user {}: the account was disabled or deleted", copy.id());
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, Authentication old,
                         AulaUser fresh) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        authentication.setDetails(old.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        if (request.getSession(false) != null) {
            sessions.saveContext(context, request, response);
        }
    }
}

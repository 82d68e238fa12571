package org.aula.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Junk that the servlet container cannot even parse (a malformed percent-escape or invalid UTF-8 in the query or a
 * form body) fails wherever a parameter is first read: in a security filter, in a controller. Anyone can send it, so
 * it gets a 400 and one WARN line, never an ERROR with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!malformedParameters(e)) {
                throw e;
            }
            log.warn("Refused a request with malformed parameters: {} {}", request.getMethod(),
                    printable(request.getRequestURI()));
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
    }

    private static boolean malformedParameters(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }

    /** The path as sent, cut short and without control characters, so the line cannot be forged or flood. */
    private static String printable(String path) {
        String cut = path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}

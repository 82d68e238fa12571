package org.aula.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details (JSON) suit API clients, but a person in a browser should get the friendly error pages of
 * templates/error. Runs before Spring Boot's problem-details handler: page requests get the servlet container's
 * error page (rendered by Boot's error controller with our templates), everything else keeps its problem details.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlErrorPageAdvice {

    @ExceptionHandler({ErrorResponseException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, MissingServletRequestParameterException.class,
            TypeMismatchException.class})
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request,
                                         HttpServletResponse response) throws IOException {
        ProblemDetail problem = exception instanceof ErrorResponse error
                ? error.getBody()
                : ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        if (wantsPage(request)) {
            response.sendError(problem.getStatus());
            return null;
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A browser navigating (not htmx, not an API client asking for JSON). */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && request.getHeader("HX-Request") == null;
    }
}

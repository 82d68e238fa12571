package org.aula.conference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** "This host name is not configured": a clear page (400) instead of a meeting whose callbacks go astray. */
@ControllerAdvice
class UntrustedHostAdvice {

    private static final Logger log = LoggerFactory.getLogger(UntrustedHostAdvice.class);

    @ExceptionHandler(UntrustedHostException.class)
    ModelAndView untrustedHost(UntrustedHostException e) {
        // The host comes from the request: cut and strip it so that a log line cannot be forged.
        String host = e.host().length() > 100 ? e.host().substring(0, 100) : e.host();
        log.warn("Refused to start a meeting under the unknown host name '{}' (set aula.base-url or aula.allowed-hosts)",
                host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", "?"));
        var page = new ModelAndView("conference/untrusted-host", HttpStatus.BAD_REQUEST);
        page.addObject("host", host);
        return page;
    }
}

package org.aula.web;

import org.aula.user.AulaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page model, without the password hash the principal carries. */
@ControllerAdvice
class CurrentUserAdvice {

    record Me(long id, String username, String fullName, boolean admin) {
    }

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal AulaUser user) {
        return user == null ? null : new Me(user.id(), user.username(), user.fullName(), user.admin());
    }
}

package org.aula.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: who they are and which language Aula speaks to them. */
@Controller
class ProfileController {

    /** Languages with complete bundles; the empty value means "whatever the browser asks for". */
    static final List<String> LANGUAGES = List.of("", "en", "nl");

    private final UserRepository users;
    private final MessageSource messages;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    ProfileController(UserRepository users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AulaUser me, Model model) {
        AppUser user = users.findById(me.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("user", user);
        model.addAttribute("language", user.locale() == null ? "" : user.locale());
        model.addAttribute("languages", LANGUAGES);
        return "profile";
    }

    @PostMapping("/profile")
    String save(@RequestParam(defaultValue = "") String language, @AuthenticationPrincipal AulaUser me,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!LANGUAGES.contains(language)) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.profile.badLanguage", null,
                    request.getLocale()));
            return "redirect:/profile";
        }
        String locale = language.isEmpty() ? null : language;
        users.updateLocale(me.id(), locale);
        // The locale resolver reads the principal, so the principal in the session must carry the new choice
        // for the very next page to be in that language.
        var updated = new AulaUser(me.id(), me.username(), me.passwordHash(), me.fullName(), locale, me.admin(),
                me.enabled());
        var context = contextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                updated.getAuthorities()));
        contextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        Locale shown = locale == null ? request.getLocale() : Locale.forLanguageTag(locale);
        redirect.addFlashAttribute("notice", messages.getMessage("platform.profile.saved", null, shown));
        return "redirect:/profile";
    }
}

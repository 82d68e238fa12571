package org.aula.user;

import jakarta.validation.Valid;
import java.util.Locale;
import org.aula.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for accounts: list and search, create, edit, set password, delete. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final int PAGE_SIZE = 25;
    /** BCrypt only uses the first 72 bytes; shorter than 8 is too easy to guess. */
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72;

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final MessageSource messages;

    UserAdminController(UserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog,
                        MessageSource messages) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int total = users.count(q);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 1, pages);
        model.addAttribute("users", users.search(q, (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "admin/users/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", UserForm.empty());
        return "admin/users/form";
    }

    @PostMapping
    @Transactional
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        checkPassword(form.password(), "password", errors);
        if (!errors.hasFieldErrors("username") && users.findByUsername(form.username().strip()).isPresent()) {
            errors.rejectValue("username", "platform.validation.usernameTaken");
        }
        if (errors.hasErrors()) {
            return "admin/users/form";
        }
        boolean withPassword = form.password() != null && !form.password().isEmpty();
        long id = users.create(form.username().strip(), withPassword ? passwordEncoder.encode(form.password()) : null,
                form.fullName().strip(), form.normalizedEmail(), form.admin());
        if (!form.enabled()) {
            users.update(id, form.username().strip(), form.fullName().strip(), form.normalizedEmail(), form.admin(),
                    false);
        }
        auditLog.record(me.username(), "user.create", "user:" + form.username().strip(),
                "admin=" + form.admin() + ", enabled=" + form.enabled() + ", password " + (withPassword ? "set" : "not set"));
        redirect.addFlashAttribute("notice", messages.getMessage(
                withPassword ? "platform.users.created" : "platform.users.createdWithoutPassword",
                new Object[] {form.username().strip()}, locale));
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        AppUser user = find(id);
        model.addAttribute("form", UserForm.of(user));
        model.addAttribute("user", user);
        model.addAttribute("hasPassword", users.hasPassword(id));
        return "admin/users/form";
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        AppUser user = find(id);
        String username = form.username() == null ? "" : form.username().strip();
        if (!errors.hasFieldErrors("username")
                && users.findByUsername(username).filter(other -> other.id() != id).isPresent()) {
            errors.rejectValue("username", "platform.validation.usernameTaken");
        }
        // An admin who takes away their own admin right or account locks themselves out mid-session.
        if (id == me.id() && !form.admin()) {
            errors.rejectValue("admin", "platform.validation.ownAdmin");
        }
        if (id == me.id() && !form.enabled()) {
            errors.rejectValue("enabled", "platform.validation.ownEnabled");
        }
        if (errors.hasErrors()) {
            model.addAttribute("user", user);
            model.addAttribute("hasPassword", users.hasPassword(id));
            return "admin/users/form";
        }
        users.update(id, username, form.fullName().strip(), form.normalizedEmail(), form.admin(), form.enabled());
        auditLog.record(me.username(), "user.update", "user:" + username,
                (user.username().equals(username) ? "" : "renamed from " + user.username() + ", ")
                        + "admin=" + form.admin() + ", enabled=" + form.enabled());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    @Transactional
    String setPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                       @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        AppUser user = find(id);
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.validation.passwordLength",
                    new Object[] {MIN_PASSWORD, MAX_PASSWORD}, locale));
            return "redirect:/admin/users/" + id;
        }
        users.updatePasswordHash(id, passwordEncoder.encode(password));
        auditLog.record(me.username(), "user.password", "user:" + user.username(), "password set by an admin");
        redirect.addFlashAttribute("notice", messages.getMessage("platform.users.passwordSet", null, locale));
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("user", find(id));
        return "admin/users/delete";
    }

    @PostMapping("/{id}/delete")
    @Transactional
    String delete(@PathVariable long id, @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect,
                  Locale locale) {
        AppUser user = find(id);
        if (id == me.id()) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.users.cannotDeleteSelf", null, locale));
            return "redirect:/admin/users/" + id;
        }
        users.delete(id);
        auditLog.record(me.username(), "user.delete", "user:" + user.username(), user.fullName());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.users.deleted", new Object[] {user.username()}, locale));
        return "redirect:/admin/users";
    }

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void checkPassword(String password, String field, BindingResult errors) {
        if (password != null && !password.isEmpty()
                && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            errors.rejectValue(field, "platform.validation.passwordLength",
                    new Object[] {MIN_PASSWORD, MAX_PASSWORD}, "8-72");
        }
    }
}

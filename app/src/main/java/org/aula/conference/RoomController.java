package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.aula.user.AulaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routes every room kind has below its page: GET page, POST start / join / end / slides / slides/delete. A kind's
 * controller maps its path and says who the user is in the room; every request is decided anew (no state kept).
 */
abstract class RoomController {

    protected final RoomPages pages;

    RoomController(RoomPages pages) {
        this.pages = pages;
    }

    /** The user's access to the room named by the path, or 404/403. */
    protected abstract RoomAccess access(Map<String, String> path, AulaUser user);

    private RoomAccess resolve(Map<String, String> path, AulaUser user) {
        pages.requireActive();
        return access(path, user);
    }

    @GetMapping
    String page(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user, Model model) {
        RoomAccess access = resolve(path, user);
        decorate(access, user, model);
        pages.page(access, model);
        return template();
    }

    /** The page's template; the course room keeps its tool page around the shared room blocks. */
    protected String template() {
        return "rooms/room";
    }

    /** Extra model attributes of a kind (e.g. a personal room's share link). */
    protected void decorate(RoomAccess access, AulaUser user, Model model) {
    }

    @PostMapping("/start")
    String start(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user,
                 @RequestParam(defaultValue = "false") boolean breakouts, HttpServletRequest request, Locale locale,
                 RedirectAttributes redirect) {
        return pages.start(resolve(path, user), breakouts, request, locale, redirect);
    }

    /*
     * Join is a POST with the CSRF token rather than a plain link: it sends the user's name and id into a meeting,
     * so another site must not be able to push a signed-in user into a conference (a GET could be triggered by an
     * <img> or a prefetch).
     */
    @PostMapping("/join")
    String join(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user, Locale locale,
                RedirectAttributes redirect) {
        RoomAccess access = resolve(path, user);
        return pages.join(access, locale, redirect, () -> whenNotOpen(access, locale, redirect));
    }

    /** Where a join of a closed room leads (default: back to the room page with a notice). */
    protected String whenNotOpen(RoomAccess access, Locale locale, RedirectAttributes redirect) {
        return pages.notOpen(access, locale, redirect);
    }

    @PostMapping("/end")
    String end(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user, Locale locale,
               RedirectAttributes redirect) {
        return pages.end(resolve(path, user), locale, redirect);
    }

    @PostMapping("/slides")
    String slides(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user,
                  @RequestParam("file") MultipartFile file, HttpServletRequest request, Locale locale,
                  RedirectAttributes redirect) {
        RoomAccess access = resolve(path, user);
        return pages.uploadSlides(access, file, user, request, locale, redirect, access.pagePath());
    }

    @PostMapping("/slides/delete")
    String deleteSlides(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user, Locale locale,
                        RedirectAttributes redirect) {
        RoomAccess access = resolve(path, user);
        return pages.deleteSlides(access, locale, redirect, access.pagePath());
    }

    static long id(Map<String, String> path, String name) {
        try {
            return Long.parseLong(path.get(name));
        } catch (NumberFormatException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}

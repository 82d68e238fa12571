package org.aula.conference;

import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page's room links (loaded with htmx): the global room when the user is in its audience, and "My room". */
@Controller
class RoomLinksController {

    private final VideoconferenceSettingsService settings;
    private final GlobalRoomPolicy globalPolicy;

    RoomLinksController(VideoconferenceSettingsService settings, GlobalRoomPolicy globalPolicy) {
        this.settings = settings;
        this.globalPolicy = globalPolicy;
    }

    @GetMapping("/rooms/links")
    String links(@AuthenticationPrincipal AulaUser user, Model model) {
        boolean active = settings.current().isActive();
        model.addAttribute("active", active);
        model.addAttribute("globalRoom", active && globalPolicy.visibleTo(user));
        return "rooms/links :: links";
    }
}

package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Personal rooms (policy: {@link PersonalRoomPolicy}): "/rooms/personal" is the user's own; others use "/rooms/shared/{token}". */
@Controller
@RequestMapping("/rooms/personal")
class PersonalRoomController extends RoomController {

    private final PersonalRoomPolicy policy;
    private final AppUrls urls;
    private final MessageSource messages;

    PersonalRoomController(RoomPages pages, PersonalRoomPolicy policy, AppUrls urls, MessageSource messages) {
        super(pages);
        this.policy = policy;
        this.urls = urls;
        this.messages = messages;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        return policy.own(user, messages.getMessage("rooms.personal.name", new Object[] {user.fullName()},
                user.fullName(), Locale.ENGLISH));
    }

    @Override
    protected void decorate(RoomAccess access, AulaUser user, Model model) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        model.addAttribute("shareUrl", urls.shareBase(request) + "/rooms/shared/" + policy.shareToken(access.room()));
    }
}

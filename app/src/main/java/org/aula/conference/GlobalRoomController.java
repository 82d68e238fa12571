package org.aula.conference;

import java.util.Locale;
import java.util.Map;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The platform's global room (policy: {@link GlobalRoomPolicy}). */
@Controller
@RequestMapping("/rooms/global")
class GlobalRoomController extends RoomController {

    private final GlobalRoomPolicy policy;
    private final MessageSource messages;

    GlobalRoomController(RoomPages pages, GlobalRoomPolicy policy, MessageSource messages) {
        super(pages);
        this.policy = policy;
        this.messages = messages;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        // The room's name is fixed when the room is first created; BBB shows it as the meeting name.
        return policy.access(user, messages.getMessage("rooms.global.name", null, "Aula", Locale.ENGLISH));
    }
}

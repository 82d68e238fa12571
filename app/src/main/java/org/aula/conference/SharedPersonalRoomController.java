package org.aula.conference;

import java.util.Map;
import org.aula.user.AulaUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Someone else's personal room, reached through the link its owner shared: visitors join while it is open, and see
 * neither its past meetings nor its recordings (admins excepted). An unknown token is 404.
 */
@Controller
@RequestMapping("/rooms/shared/{token}")
class SharedPersonalRoomController extends RoomController {

    private final PersonalRoomPolicy policy;

    SharedPersonalRoomController(RoomPages pages, PersonalRoomPolicy policy) {
        super(pages);
        this.policy = policy;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        return policy.visitor(user, path.get("token"));
    }
}

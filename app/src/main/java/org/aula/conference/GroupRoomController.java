package org.aula.conference;

import java.util.Map;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.course.CourseGroup;
import org.aula.course.CourseRepository;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** A course group's room (policy: {@link GroupRoomPolicy}); non-members get 403 even with the direct URL. */
@Controller
@RequestMapping("/courses/{code}/groups/{groupId}/room")
class GroupRoomController extends RoomController {

    private final CourseAccessService courseAccess;
    private final CourseRepository courses;
    private final GroupRoomPolicy policy;

    GroupRoomController(RoomPages pages, CourseAccessService courseAccess, CourseRepository courses,
                        GroupRoomPolicy policy) {
        super(pages);
        this.courseAccess = courseAccess;
        this.courses = courses;
        this.policy = policy;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        CourseAccess access = courseAccess.access(path.get("code"), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CourseGroup group = courses.findGroup(id(path, "groupId"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return policy.access(access, group, user);
    }
}

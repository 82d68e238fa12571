package org.aula.course;

import java.util.List;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class CourseController {

    private final CourseAccessService access;
    private final CourseRepository courses;
    private final List<CourseTool> tools;

    CourseController(CourseAccessService access, CourseRepository courses, List<CourseTool> tools) {
        this.access = access;
        this.courses = courses;
        this.tools = tools;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AulaUser user, Model model) {
        model.addAttribute("courses", user.admin() ? courses.findAll() : courses.findForUser(user.id()));
        return "home";
    }

    @GetMapping("/courses/{code}")
    String courseHome(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Model model) {
        CourseAccess courseAccess = access.access(code, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("course", courseAccess.course());
        model.addAttribute("access", courseAccess);
        model.addAttribute("tools", tools.stream().flatMap(t -> t.linkFor(courseAccess).stream()).toList());
        return "course/home";
    }
}

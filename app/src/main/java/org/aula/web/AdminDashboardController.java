package org.aula.web;

import org.aula.course.CourseRepository;
import org.aula.user.UserRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin home: one place that links to every admin page, plugins included. */
@Controller
class AdminDashboardController {

    private final UserRepository users;
    private final CourseRepository courses;

    AdminDashboardController(UserRepository users, CourseRepository courses) {
        this.users = users;
        this.courses = courses;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        model.addAttribute("userCount", users.count(""));
        model.addAttribute("courseCount", courses.countCourses(""));
        return "admin/dashboard";
    }
}

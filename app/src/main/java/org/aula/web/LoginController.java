package org.aula.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demoMode;

    LoginController(@Value("${aula.demo.enabled:false}") boolean demoMode) {
        this.demoMode = demoMode;
    }

    @GetMapping("/login")
    String login(Model model) {
        // In demo mode the accounts and their password are public anyway; saying so saves a trip to the README.
        model.addAttribute("demoMode", demoMode);
        return "login";
    }
}

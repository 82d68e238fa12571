package org.aula.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.aula.support.WebTest;
import org.junit.jupiter.api.Test;

class AdminDashboardTest extends WebTest {

    @Test
    void dashboardLinksToEveryAdminPageAndThePluginSettings() throws Exception {
        var page = mvc.perform(get("/admin").with(as("admin"))).andExpect(status().isOk());
        for (String link : new String[] {"/admin/users", "/admin/courses", "/admin/import", "/admin/audit",
                "/admin/plugins/videoconference"}) {
            page.andExpect(content().string(containsString("href=\"" + link + "\"")));
        }
        page.andExpect(content().string(containsString("Plugins")));
        page.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*\\d+ users.*")));
    }

    @Test
    void dashboardIsInDutchForDutchBrowsers() throws Exception {
        mvc.perform(get("/admin").with(as("admin")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString("Gebruikers")))
                .andExpect(content().string(containsString("Plug-ins")));
    }
}

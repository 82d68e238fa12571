package org.aula.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.aula.support.WebTest;
import org.junit.jupiter.api.Test;

class LoginPageTest extends WebTest {

    @Test
    void inDemoModeTheLoginPageNamesTheDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"demo-accounts\"")))
                .andExpect(content().string(containsString("the password is demo")));
    }
}

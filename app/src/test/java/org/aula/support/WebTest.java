package org.aula.support;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * MockMvc on the shared application context (built by hand rather than with @AutoConfigureMockMvc, which would
 * start a second context), with the real Spring Security filter chain.
 */
public abstract class WebTest extends AppTest {

    @Autowired
    protected WebApplicationContext context;

    @Autowired
    protected UserDetailsService userDetails;

    protected MockMvc mvc;

    @BeforeEach
    void buildMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** Signs the request in as this user, with the same principal a real login would produce. */
    protected RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }
}

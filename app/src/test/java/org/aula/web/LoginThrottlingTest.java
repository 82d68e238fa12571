package org.aula.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aula.audit.AuditLog;
import org.aula.support.AppTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password guessing is throttled per account and per client address. Each test signs in "from" its own addresses
 * (X-Forwarded-For through the trusted loopback proxy), so the tests do not lock each other out.
 */
class LoginThrottlingTest extends AppTest {

    @LocalServerPort int port;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired AuditLog auditLog;

    @Test
    void twentyFiveWrongPasswordsThenTheRightOneIsStillRefused() {
        users.create("lt_victim", passwordEncoder.encode("the-right-password"), "Victim", null, false);
        var browser = new LoginForm(port);
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            answers.add(LoginForm.location(browser.signIn("lt_victim", "guess-" + i, "198.51.100." + i, null)));
        }
        assertThat(answers.subList(0, 5)).allMatch(a -> a.endsWith("/login?error"));
        assertThat(answers.subList(5, 25)).allMatch(a -> a.endsWith("/login?locked"));

        var right = browser.signIn("LT_Victim", "the-right-password", "198.51.100.99", null);
        assertThat(LoginForm.location(right)).endsWith("/login?locked");
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/profile")).GET(), "198.51.100.99", null)
                .statusCode()).isEqualTo(302);
        assertThat(auditLog.newest("login.locked", 0, 50))
                .anyMatch(e -> e.target().equals("user:lt_victim"));

        // the lock page says what happened
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/login?locked")).GET(), "198.51.100.99", null)
                .body()).contains("id=\"login-locked\"");
    }

    @Test
    void anAccountThatDoesNotExistGetsExactlyTheSameAnswers() {
        users.create("lt_real", passwordEncoder.encode("the-right-password"), "Real", null, false);
        var browser = new LoginForm(port);
        List<String> real = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            real.add(LoginForm.location(browser.signIn("lt_real", "guess", "198.51.101." + i, null)));
            unknown.add(LoginForm.location(browser.signIn("lt_nobody_here", "guess", "198.51.102." + i, null)));
        }
        assertThat(unknown).isEqualTo(real);
        assertThat(real).contains("http://localhost:" + port + "/login?locked");
        // no typed name of no account is written down
        assertThat(auditLog.newest("lt_nobody_here", 0, 10)).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedButOthersCanStillSignIn() {
        users.create("lt_bystander", passwordEncoder.encode("the-right-password"), "Bystander", null, false);
        var attacker = new LoginForm(port);
        String lastAnswer = "";
        for (int i = 1; i <= 21; i++) {
            lastAnswer = LoginForm.location(attacker.signIn("lt_name_" + i, "guess", "203.0.113.77", null));
        }
        assertThat(lastAnswer).endsWith("/login?locked");
        assertThat(LoginForm.location(attacker.signIn("lt_bystander", "the-right-password", "203.0.113.77", null)))
                .endsWith("/login?locked");
        assertThat(auditLog.newest("address:203.0.113.77", 0, 10)).isNotEmpty();

        var someoneElse = new LoginForm(port);
        assertThat(LoginForm.location(someoneElse.signIn("lt_bystander", "the-right-password", "203.0.113.78", null)))
                .doesNotContain("/login");
    }
}

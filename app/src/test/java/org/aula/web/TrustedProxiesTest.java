package org.aula.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.aula.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Forwarded headers count from configured proxies only; cookies are Secure whenever the request was https. */
class TrustedProxiesTest extends AppTest {

    @LocalServerPort int port;
    @Autowired org.aula.user.UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() {
        users.create("tp_user", passwordEncoder.encode("the-right-password"), "Proxied", null, false);
        // The session starts with the login page (its CSRF token); over https its cookie must be Secure.
        var viaHttps = new LoginForm(port).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/login")).GET(), "198.51.100.200", "https");
        assertThat(viaHttps.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("; Secure"));

        var plain = new LoginForm(port).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/login")).GET(), "198.51.100.201", null);
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("JSESSIONID="))
                .noneMatch(c -> c.contains("Secure"));
    }

    record Seen(String remoteAddr, boolean secure, String scheme, String serverName) {
    }

    private static Seen through(String proxies, String peer, String forwardedFor, String proto, String host)
            throws IOException, ServletException {
        var valve = TrustedProxies.valve(proxies);
        var seen = new AtomicReference<Seen>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seen.set(new Seen(request.getRemoteAddr(), request.isSecure(), request.getScheme(),
                        request.getServerName()));
            }
        });
        var coyote = new org.apache.coyote.Request();
        coyote.scheme().setString("http");
        coyote.serverName().setString("aula.internal");
        coyote.setServerPort(8080);
        var request = new Request(new Connector(), coyote);
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        if (forwardedFor != null) {
            coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
        }
        if (proto != null) {
            coyote.getMimeHeaders().addValue("X-Forwarded-Proto").setString(proto);
        }
        if (host != null) {
            coyote.getMimeHeaders().addValue("X-Forwarded-Host").setString(host);
        }
        valve.invoke(request, null);
        return seen.get();
    }

    @Test
    void headersFromAnyoneElseAreIgnored() throws Exception {
        Seen seen = through(TrustedProxies.LOOPBACK, "192.0.2.50", "203.0.113.9", "https", "evil.example");
        assertThat(seen.remoteAddr()).isEqualTo("192.0.2.50");
        assertThat(seen.secure()).isFalse();
        assertThat(seen.serverName()).isEqualTo("aula.internal");
    }

    @Test
    void aConfiguredProxyIsBelievedAndAFakedChainDoesNotHelp() throws Exception {
        // the client put 1.2.3.4 in front itself; the proxy appended the address it saw
        Seen seen = through("10.0.0.0/8, 192.0.2.7", "192.0.2.7", "1.2.3.4, 203.0.113.9", "https",
                "aula.school.example");
        assertThat(seen.remoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.secure()).isTrue();
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.serverName()).isEqualTo("aula.school.example");
    }

    @Test
    void anEmptyListTrustsNobodyNotEvenLoopback() throws Exception {
        Seen seen = through("", "127.0.0.1", "203.0.113.9", "https", null);
        assertThat(seen.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(seen.secure()).isFalse();
    }
}

package org.aula.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.bbb.devserver.DevServer;
import org.aula.bbb.devserver.DevServerMain;
import org.aula.settings.BbbConnectionCheck.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Test connection" names exactly what is wrong. Real servers on loopback: a devserver, an HTML server. */
class BbbConnectionCheckTest {

    static final String SECRET = "connection-check-secret-0123456789";
    static DevServerMain bbb;
    static DevServerMain sha1OnlyBbb;
    static HttpServer notBbb;

    final BbbConnectionCheck check = new BbbConnectionCheck(false);

    @BeforeAll
    static void servers() throws IOException {
        bbb = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(SECRET).bbbVersion("3.0.9").build());
        sha1OnlyBbb = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(SECRET).algorithms("sha1").build());
        notBbb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notBbb.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().contains("xml")
                    ? "<?xml version=\"1.0\"?><rss><channel/></rss>".getBytes(StandardCharsets.UTF_8)
                    : "<!doctype html><html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    exchange.getRequestURI().getPath().contains("xml") ? "application/xml" : "text/html");
            if (exchange.getRequestURI().getPath().contains("slow")) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        notBbb.start();
    }

    @AfterAll
    static void stop() {
        bbb.close();
        sha1OnlyBbb.close();
        notBbb.stop(0);
    }

    @Test
    void aWorkingServerShowsItsVersion() {
        var result = check.check(bbb.baseUrl(), SECRET, ChecksumAlgorithm.SHA256);
        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.version()).isEqualTo("3.0.9");
    }

    @Test
    void aWrongSecretIsReportedAsSuch() {
        var result = check.check(bbb.baseUrl(), "not-the-secret", ChecksumAlgorithm.SHA256);
        assertThat(result.outcome()).isEqualTo(Outcome.WRONG_SECRET);
        assertThat(result.toString()).doesNotContain(SECRET).doesNotContain("not-the-secret");
    }

    @Test
    void anAlgorithmTheServerDisabledIsToldApartFromAWrongSecret() {
        var result = check.check(sha1OnlyBbb.baseUrl(), SECRET, ChecksumAlgorithm.SHA256);
        assertThat(result.outcome()).isEqualTo(Outcome.ALGORITHM_REJECTED);
        assertThat(result.acceptedAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA1);
        assertThat(check.check(sha1OnlyBbb.baseUrl(), "wrong", ChecksumAlgorithm.SHA256).outcome())
                .isEqualTo(Outcome.WRONG_SECRET);
    }

    @Test
    void unreachableServersSayWhy() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(check.check("http://127.0.0.1:" + closedPort + "/bigbluebutton/", SECRET, ChecksumAlgorithm.SHA256)
                .outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(check.check("https://no-such-host.invalid/bigbluebutton/", SECRET, ChecksumAlgorithm.SHA256)
                .outcome()).isEqualTo(Outcome.DNS);
        String slow = "http://127.0.0.1:" + notBbb.getAddress().getPort() + "/slow";
        assertThat(check.check(slow, SECRET, ChecksumAlgorithm.SHA256).outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void somethingThatIsNotBbbIsRecognised() {
        String base = "http://127.0.0.1:" + notBbb.getAddress().getPort();
        assertThat(check.check(base, SECRET, ChecksumAlgorithm.SHA256).outcome()).isEqualTo(Outcome.NOT_BBB);
        assertThat(check.check(base + "/xml", SECRET, ChecksumAlgorithm.SHA256).outcome()).isEqualTo(Outcome.NOT_BBB);
        assertThat(check.check("ftp://example.org", SECRET, ChecksumAlgorithm.SHA256).outcome())
                .isEqualTo(Outcome.INVALID_URL);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://169.254.169.254/bigbluebutton/",
            "http://169.254.10.1:8080/bigbluebutton/api", "http://[fd00:ec2::254]/bigbluebutton/",
            "http://[fe80::1]/bigbluebutton/"})
    void linkLocalAndMetadataTargetsAreRefusedWithoutAnyRequest(String url) {
        assertThat(check.check(url, SECRET, ChecksumAlgorithm.SHA256).outcome())
                .isEqualTo(BbbConnectionCheck.Outcome.FORBIDDEN_TARGET);
        assertThat(new BbbConnectionCheck(true).forbiddenTarget(url)).isFalse();
        assertThat(check.forbiddenTarget("http://127.0.0.1:8080/bigbluebutton/")).isFalse();
    }
}

package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.bbb.devserver.TestSupport.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Loads the client page in headless Chromium (if installed): the page's script must connect the user, render the
 * participant list, and the pagehide beacon must disconnect the user when the browser goes away.
 */
class ClientPageBrowserTest {

    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    @Test
    void pageConnectsRendersAndDisconnects() throws Exception {
        Path chrome = chromium();
        Assumptions.assumeTrue(chrome != null, "no chromium installed");
        try (DevServerMain server = TestSupport.start(TestSupport.opts().heartbeatTimeout(java.time.Duration.ofSeconds(5)))) {
            TestSupport.Api api = new TestSupport.Api(server);
            api.xml("create", "name=" + TestSupport.enc("<b>Browser</b> test") + "&meetingID=browser-1");
            api.control("POST", "participants/add?meetingID=browser-1&count=2&namePrefix=Sim+");
            String loc = api.call("join", "meetingID=browser-1&fullName=" + TestSupport.enc("Zoë <i>") + "&role=moderator")
                    .headers().firstValue("Location").orElseThrow();
            Path profile = Files.createTempDirectory("devserver-chromium");
            Process p = new ProcessBuilder(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", loc)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String dom = new String(out, StandardCharsets.UTF_8);
            Assumptions.assumeTrue(!dom.isBlank(), "chromium produced no DOM (sandbox/environment)");
            assertThat(dom).contains("id=\"dev-status\" data-status=\"connected\"")
                    .contains("<span id=\"dev-participant-count\">3</span>")
                    .contains("data-name=\"Zoë &lt;i&gt;\"")
                    .contains("id=\"dev-end\"")
                    .contains("&lt;b&gt;Browser&lt;/b&gt; test");
            // the browser is gone: sendBeacon on pagehide (or the heartbeat timeout) disconnected the user
            TestSupport.waitUntil("user disconnected",
                    () -> "2".equals(text(api.xml("getMeetingInfo", "meetingID=browser-1"), "participantCount")), 20000);
        }
    }
}

package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs src/test/js/smoke.js (bigbluebutton-js@0.2.0) against the standalone server. */
class NpmSmokeTest {

    static boolean available(String cmd) {
        try {
            Process p = new ProcessBuilder(cmd, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String run(Path dir, List<String> cmd, java.util.Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timeout: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + " output:\n" + text).isZero();
        return text;
    }

    @Test
    void bigbluebuttonJsSmoke() throws Exception {
        boolean tools = available("node") && available("npm");
        if (!tools) {
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank() && !"false".equals(System.getenv("CI"))) {
                throw new AssertionError("node and npm are required when CI is set");
            }
            Assumptions.abort("node/npm not installed");
        }
        Path src = Path.of("src/test/js");
        Path work = Path.of("target/npm-smoke");
        Files.createDirectories(work);
        for (String f : List.of("package.json", "package-lock.json", "smoke.js")) {
            Files.copy(src.resolve(f), work.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/bigbluebutton-js"))) {
            run(work, List.of("npm", "ci", "--no-audit", "--no-fund"), java.util.Map.of(), 300);
        }
        try (DevServerMain server = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(TestSupport.SECRET)
                .algorithms("sha1", "sha256").recordingProcessingDelay(Duration.ofMillis(200)).build())) {
            String out = run(work, List.of("node", "smoke.js"),
                    java.util.Map.of("BBB_URL", server.baseUrl() + "/bigbluebutton", "BBB_SECRET", TestSupport.SECRET), 120);
            assertThat(out).contains("SMOKE OK").contains("checksumError").doesNotContain(TestSupport.SECRET);
        }
    }
}

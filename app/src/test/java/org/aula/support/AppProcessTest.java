package org.aula.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.aula.bbb.devserver.DevServer;
import org.aula.bbb.devserver.DevServerMain;
import org.junit.jupiter.api.Test;

/** AppProcess itself: a child JVM that starts, survives {@code kill -9} on its database, and stops. */
class AppProcessTest {

    @Test
    void startsKillsAndRestartsOnTheSameDatabase() throws Exception {
        String secret = "app-process-test-secret";
        try (var bbb = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(secret).build());
             var app = AppProcess.builder().name("app-process-test").build()) {
            app.start();
            assertThat(app.healthy()).isTrue();
            app.configureBbb(bbb.baseUrl() + "/bigbluebutton/api", secret);
            assertThat(app.signIn("admin", "demo").get("/admin/plugins/videoconference").body())
                    .contains(bbb.baseUrl());

            app.kill();
            assertThat(app.isAlive()).isFalse();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);

            app.start();
            assertThat(app.baseUrl()).endsWith(":" + app.port());
            // what was stored before the kill is still there: same database, same encryption key
            assertThat(app.signIn("admin", "demo").get("/admin/plugins/videoconference").body())
                    .contains(bbb.baseUrl());
            app.stop();
            assertThat(app.isAlive()).isFalse();
        }
    }
}

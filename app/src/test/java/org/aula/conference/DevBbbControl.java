package org.aula.conference;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.aula.devbbb.DevBbb;

/** The mounted devserver's control API (simulate participants, failures, slowness; read counters). */
final class DevBbbControl {

    private final DevBbb devBbb;
    private final HttpClient http = HttpClient.newHttpClient();

    DevBbbControl(DevBbb devBbb) {
        this.devBbb = devBbb;
    }

    String post(String operation, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(devBbb.url() + "/control/" + operation))
                    .header("X-Devserver-Secret", devBbb.secret())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("control " + operation + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void addParticipants(String meetingId, int count) {
        post("participants/add", Map.of("meetingID", meetingId, "count", Integer.toString(count)));
    }

    void fail(String call, String mode, long forMs) {
        post("fail", Map.of("call", call, "mode", mode, "forMs", Long.toString(forMs)));
    }

    void delay(String call, long ms) {
        post("delay", Map.of("call", call, "ms", Long.toString(ms)));
    }

    void clearFaults() {
        post("faults/clear", Map.of());
    }

    long count(String call) {
        return devBbb.counters().getOrDefault(call, 0L);
    }
}

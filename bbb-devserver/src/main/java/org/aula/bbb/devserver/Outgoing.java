package org.aula.bbb.devserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Outgoing HTTP callbacks on virtual threads, never blocking API answers. Retries use the shared scheduler. */
final class Outgoing {
    private static final System.Logger LOG = System.getLogger(Outgoing.class.getName());

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Outgoing(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** GET with retries; success = any 2xx. */
    void get(String url, long[] retryDelaysMs) {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "invalid callback URL " + safe(url));
            return;
        }
        attempt(req, retryDelaysMs, 0, false);
    }

    /** POST form body; success = 2xx (or 401 when {@code okOn401}, like bbb-webhooks). */
    void postForm(String url, String body, long[] retryDelaysMs, boolean okOn401) {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "invalid callback URL " + safe(url));
            return;
        }
        attempt(req, retryDelaysMs, 0, okOn401);
    }

    private void attempt(HttpRequest req, long[] retries, int n, boolean okOn401) {
        Thread.ofVirtual().name("devserver-callback").start(() -> {
            boolean ok = false;
            try {
                HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                ok = r.statusCode() / 100 == 2 || (okOn401 && r.statusCode() == 401);
                if (!ok) {
                    LOG.log(System.Logger.Level.INFO, "callback " + safe(req.uri().toString()) + " answered " + r.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.INFO, "callback " + safe(req.uri().toString()) + " failed: " + e.getClass().getSimpleName());
            }
            if (ok) {
                sent.incrementAndGet();
            } else if (retries != null && n < retries.length) {
                try {
                    scheduler.schedule(() -> attempt(req, retries, n + 1, okOn401), retries[n], TimeUnit.MILLISECONDS);
                } catch (RuntimeException ignored) {
                    // scheduler shut down
                }
            } else {
                failed.incrementAndGet();
            }
        });
    }

    void close() {
        http.shutdownNow();
    }

    /** Log form of a URL: without query string. */
    static String safe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}

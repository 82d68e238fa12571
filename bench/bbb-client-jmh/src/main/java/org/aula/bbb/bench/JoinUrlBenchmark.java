package org.aula.bbb.bench;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.aula.bbb.BbbClient;
import org.aula.bbb.BbbConfig;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.bbb.JoinMeeting;
import org.aula.bbb.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of signing a browser join URL: the app does this on every "join" click, so it should be
 * far below a millisecond. No network is involved; joinUrl() only encodes, hashes and concatenates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JoinUrlBenchmark {

    @Param({"SHA1", "SHA256", "SHA512"})
    public ChecksumAlgorithm algorithm;

    private BbbClient client;
    private JoinMeeting prebuilt;

    @Setup
    public void setUp() {
        client = new BbbClient(BbbConfig.builder().serverUrl("https://bbb.example.org/bigbluebutton/")
                .secret("8cd8ef52e8e101574e400365b55e11a6").checksumAlgorithm(algorithm).build());
        prebuilt = request("Ada Lovelace (Übungsleitung)");
    }

    private static JoinMeeting request(String fullName) {
        return JoinMeeting.builder("course-4711-session-12", fullName).role(Role.MODERATOR)
                .userId("user-8d3f2a").createTime(1_764_651_000_000L)
                .avatarUrl("https://aula.example.org/avatars/8d3f2a.png")
                .errorRedirectUrl("https://aula.example.org/rooms/4711?error=join")
                .userdata("bbb_default_layout", "PRESENTATION_FOCUS").build();
    }

    /** Signing a prepared request: query encoding + checksum + URI. */
    @Benchmark
    public URI signPrebuiltRequest() {
        return client.joinUrl(prebuilt);
    }

    /** What the app really does per click: build the request, then sign it. */
    @Benchmark
    public URI buildAndSign() {
        return client.joinUrl(request("Ada Lovelace (Übungsleitung)"));
    }
}

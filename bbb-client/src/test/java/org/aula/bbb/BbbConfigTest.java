package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BbbConfigTest {

    private static final String SECRET = "cfg-test-secret-4f1d";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "bbb.example.org                                   | https://bbb.example.org/bigbluebutton/api/",
        "bbb.example.org/                                  | https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org                           | https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org/bigbluebutton             | https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org/bigbluebutton/            | https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org/bigbluebutton/api         | https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org/bigbluebutton/api/        | https://bbb.example.org/bigbluebutton/api/",
        "'  HTTPS://BBB.Example.org/BigBlueButton/API//  ' | https://bbb.example.org/bigbluebutton/api/",
        "http://localhost:8090                             | http://localhost:8090/bigbluebutton/api/",
        "localhost:8090/bigbluebutton/api                  | https://localhost:8090/bigbluebutton/api/",
        "https://example.org/bbb1/bigbluebutton/api/       | https://example.org/bbb1/bigbluebutton/api/",
        "https://example.org/bbb1                          | https://example.org/bbb1/bigbluebutton/api/",
        "http://[::1]:8080/                                | http://[::1]:8080/bigbluebutton/api/",
    })
    void normalisesWhatAdminsType(String typed, String expected) {
        BbbConfig config = BbbConfig.of(typed, SECRET);
        assertThat(config.apiBase()).isEqualTo(URI.create(expected));
        assertThat(config.callUri("getMeetings")).hasToString(expected + "getMeetings");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                  | blank",
        "'   '                               | blank",
        "ftp://bbb.example.org               | must use http or https",
        "file:///etc/passwd                  | must use http or https",
        "'https://bbb.example.org/big blue'  | contains whitespace",
        "https://bbb.example.org/?x=1        | must not contain a query",
        "https://bbb.example.org/api?        | must not contain a query",
        "https://bbb.example.org/#top        | must not contain a fragment",
        "https://                            | not a valid URL",
        "https:///bigbluebutton              | has no host",
        "http:/bbb.example.org               | malformed",
        "https://user:pw@bbb.example.org     | must not contain user info",
        "https://bbb.example.org:99999       | invalid port",
    })
    void rejectsWhatCannotBeABbbBaseUrl(String typed, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.of(typed, SECRET))
                .withMessageContaining(reason)
                .withMessageNotContaining("pw@");
    }

    @Test
    void defaults() {
        BbbConfig config = BbbConfig.of("bbb.example.org", SECRET);
        assertThat(config.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA256);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxResponseBytes()).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void builderSetsEverything() {
        BbbConfig config = BbbConfig.builder().serverUrl("bbb.example.org").secret(SECRET)
                .checksumAlgorithm(ChecksumAlgorithm.SHA512).connectTimeout(Duration.ofMillis(300))
                .requestTimeout(Duration.ofSeconds(9)).maxResponseBytes(4096).build();
        assertThat(config.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA512);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.maxResponseBytes()).isEqualTo(4096);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        BbbConfig config = BbbConfig.of("bbb.example.org", SECRET);
        assertThat(config.toString()).doesNotContain(SECRET).contains("***").contains("bbb.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsBlankSecret(String secret) {
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.of("bbb.example.org", secret))
                .withMessageContaining("secret is blank");
    }

    @Test
    void rejectsMissingPartsAndBadTimeouts() {
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.builder().secret(SECRET).build())
                .withMessageContaining("URL is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.builder().serverUrl("h.example").build())
                .withMessageContaining("secret is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.builder().serverUrl("h.example")
                .secret(SECRET).requestTimeout(Duration.ZERO).build()).withMessageContaining("requestTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> BbbConfig.builder().serverUrl("h.example")
                .secret(SECRET).connectTimeout(Duration.ofSeconds(-1)).build()).withMessageContaining("connectTimeout");
    }

    @Test
    void canonicalConstructorNormalisesToo() {
        BbbConfig config = new BbbConfig(URI.create("https://h.example/bigbluebutton"), SECRET,
                ChecksumAlgorithm.SHA1, Duration.ofSeconds(1), Duration.ofSeconds(1), 2048);
        assertThat(config.apiBase()).hasToString("https://h.example/bigbluebutton/api/");
    }
}

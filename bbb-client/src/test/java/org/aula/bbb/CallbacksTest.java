package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbacksTest {

    private static final String SECRET = "callbacks-test-secret-55e0";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String headerJson, String payloadJson, String secret) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + B64.encodeToString(RecordingReadyCallback.hmac(secret, input));
    }

    // ------------------------------------------------------------------ recording ready

    @Test
    void verifiesWhatSignProduces() {
        String jwt = RecordingReadyCallback.sign("room 1 é", "abc-123", SECRET);
        assertThat(jwt.split("\\.")).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(RecordingReadyCallback.verify(jwt, SECRET)).isEqualTo(new RecordingReady("room 1 é", "abc-123"));
        assertThat(RecordingReadyCallback.formBody("m", "r", SECRET)).startsWith("signed_parameters=ey");
    }

    @Test
    void acceptsTheDocumentedHeaderWithTyp() {
        String jwt = token("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", "{\"meeting_id\":\"m1\",\"record_id\":\"r1\"}", SECRET);
        assertThat(RecordingReadyCallback.verify(jwt, SECRET)).isEqualTo(new RecordingReady("m1", "r1"));
    }

    @Test
    void matchesAJwtFromAnIndependentImplementation() {
        // Built by hand: HMAC-SHA256 over "eyJhbGciOiJIUzI1NiJ9.<payload>" with the key "secret".
        String header = "eyJhbGciOiJIUzI1NiJ9";
        String payload = b64("{\"meeting_id\":\"m\",\"record_id\":\"r\"}");
        String sig = B64.encodeToString(RecordingReadyCallback.hmac("secret", header + "." + payload));
        assertThat(RecordingReadyCallback.sign("m", "r", "secret")).isEqualTo(header + "." + payload + "." + sig);
    }

    @Test
    void rejectsWrongSecret() {
        String jwt = RecordingReadyCallback.sign("m1", "r1", "another-secret");
        assertThatThrownBy(() -> RecordingReadyCallback.verify(jwt, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("signature does not match");
    }

    @Test
    void rejectsTamperedPayload() {
        String[] p = RecordingReadyCallback.sign("m1", "r1", SECRET).split("\\.");
        String forged = p[0] + "." + b64("{\"meeting_id\":\"m2\",\"record_id\":\"r1\"}") + "." + p[2];
        assertThatThrownBy(() -> RecordingReadyCallback.verify(forged, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("signature");
    }

    @Test
    void rejectsAlgNone() {
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"meeting_id\":\"m\",\"record_id\":\"r\"}") + ".";
        assertThatThrownBy(() -> RecordingReadyCallback.verify(none, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("'none' is not HS256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS512", "RS256", "hs256", "HS384"})
    void rejectsOtherAlgorithmsEvenWhenCorrectlyHmacSigned(String alg) {
        String jwt = token("{\"alg\":\"" + alg + "\"}", "{\"meeting_id\":\"m\",\"record_id\":\"r\"}", SECRET);
        assertThatThrownBy(() -> RecordingReadyCallback.verify(jwt, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("is not HS256");
    }

    @Test
    void rejectsMissingAlg() {
        String jwt = token("{\"typ\":\"JWT\"}", "{\"meeting_id\":\"m\",\"record_id\":\"r\"}", SECRET);
        assertThatThrownBy(() -> RecordingReadyCallback.verify(jwt, SECRET)).hasMessageContaining("algorithm is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"meeting_id\":\"m\"}", "{\"record_id\":\"r\"}", "{\"meeting_id\":\"\",\"record_id\":\"r\"}",
        "{\"meeting_id\":5,\"record_id\":\"r\"}", "[]", "{}"})
    void rejectsMissingClaims(String payload) {
        String jwt = token("{\"alg\":\"HS256\"}", payload, SECRET);
        assertThatThrownBy(() -> RecordingReadyCallback.verify(jwt, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageMatching("JWT (lacks the string claim|payload is not).*");
    }

    @Test
    void rejectsExpiredTokensButNeedsNoExp() {
        String expired = token("{\"alg\":\"HS256\"}", "{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":1000}", SECRET);
        assertThatThrownBy(() -> RecordingReadyCallback.verify(expired, SECRET)).hasMessageContaining("expired");
        String future = token("{\"alg\":\"HS256\"}", "{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":99999999999}",
                SECRET);
        assertThat(RecordingReadyCallback.verify(future, SECRET).recordId()).isEqualTo("r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "a.b", "a.b.c.d", ".b.c", "!!!.e30.sig", "e30.e30.@@@",
        "eyJhbGciOiJIUzI1NiJ9=.e30.abc", "bm90IGpzb24.e30.abc"})
    void rejectsMalformedTokens(String token) {
        assertThatThrownBy(() -> RecordingReadyCallback.verify(token, SECRET))
                .isInstanceOf(InvalidCallbackException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void rejectsNullToken() {
        assertThatThrownBy(() -> RecordingReadyCallback.verify(null, SECRET))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("no signed_parameters");
    }

    @Test
    void rejectsCriticalHeaders() {
        String jwt = token("{\"alg\":\"HS256\",\"crit\":[\"b64\"]}", "{\"meeting_id\":\"m\",\"record_id\":\"r\"}", SECRET);
        assertThatThrownBy(() -> RecordingReadyCallback.verify(jwt, SECRET)).hasMessageContaining("critical");
    }

    // ------------------------------------------------------------------ callback tokens

    @Test
    void tokensAreDeterministicPerMeetingAndSecret() {
        CallbackTokens tokens = new CallbackTokens("0123456789abcdef-app-secret");
        String t = tokens.tokenFor("room-1");
        assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.tokenFor("room-1")).isEqualTo(t);
        assertThat(tokens.tokenFor("room-2")).isNotEqualTo(t);
        assertThat(new CallbackTokens("0123456789abcdef-other-secret").tokenFor("room-1")).isNotEqualTo(t);
        assertThat(t).isEqualTo(B64.encodeToString(RecordingReadyCallback.hmac(
                "0123456789abcdef-app-secret".getBytes(StandardCharsets.UTF_8), "room-1".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void verifyAcceptsOnlyTheRightToken() {
        CallbackTokens tokens = new CallbackTokens("0123456789abcdef-app-secret".getBytes(StandardCharsets.UTF_8));
        String t = tokens.tokenFor("room-1");
        assertThat(tokens.verify("room-1", t)).isTrue();
        assertThat(tokens.verify("room-2", t)).isFalse();
        assertThat(tokens.verify("room-1", t.substring(1))).isFalse();
        assertThat(tokens.verify("room-1", t + "x")).isFalse();
        assertThat(tokens.verify("room-1", "")).isFalse();
        assertThat(tokens.verify("room-1", null)).isFalse();
        assertThat(tokens.verify(null, t)).isFalse();
    }

    @Test
    void tokensRefuseShortSecretsAndHideTheirs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CallbackTokens("short"))
                .withMessageContaining("at least 16 bytes");
        assertThat(new CallbackTokens("0123456789abcdef-app-secret").toString()).doesNotContain("app-secret");
    }

    @Test
    void tokensDoNotChangeWhenTheCallerMutatesTheKeyArray() {
        byte[] key = "0123456789abcdef-app-secret".getBytes(StandardCharsets.UTF_8);
        CallbackTokens tokens = new CallbackTokens(key);
        String before = tokens.tokenFor("m");
        key[0] = 'X';
        assertThat(tokens.tokenFor("m")).isEqualTo(before);
    }
}

package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBuildersTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "a,b"})
    void meetingIdRulesOfBbbAreCheckedUpFront(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder(id, "Name"));
        assertThatIllegalArgumentException().isThrownBy(() -> JoinMeeting.builder(id, "Name"));
    }

    @Test
    void meetingIdLengthLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder("m".repeat(257), "Name"))
                .withMessageContaining("2-256");
        assertThat(CreateMeeting.builder("m".repeat(256), "Name").build().meetingId()).hasSize(256);
    }

    @Test
    void createRequestIsImmutableAndRepeatedSettersReplaceInPlace() {
        CreateMeeting.Builder b = CreateMeeting.builder("room-1", "R").record(true).duration(5).record(false);
        CreateMeeting req = b.build();
        b.welcome("later");
        assertThat(req.parameters()).containsExactly(Map.entry("meetingID", "room-1"), Map.entry("name", "R"),
                Map.entry("record", "false"), Map.entry("duration", "5"));
        assertThatThrownBy(() -> req.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(req.hasModules()).isFalse();
    }

    @Test
    void presentationListIsCopied() {
        List<Document> docs = new ArrayList<>(List.of(Document.fromUrl("https://a/b.pdf")));
        CreateMeeting req = CreateMeeting.builder("room-1", "R").presentation(docs).build();
        docs.clear();
        assertThat(req.presentation()).hasSize(1);
        assertThat(req.hasModules()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "has_underscore", "with space", "ü"})
    void metaKeysBbbWouldDropAreRefused(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder("room-1", "R").meta(key, "v"))
                .withMessageContaining("meta key");
        assertThatIllegalArgumentException().isThrownBy(() -> GetRecordings.builder().meta(key, "v"));
    }

    @Test
    void metaKeysBbbAccepts() {
        assertThat(CreateMeeting.builder("room-1", "R").meta("bbb-recording-ready-url", "https://a").meta("endCallbackUrl",
                "https://b").build().parameters()).containsKeys("meta_bbb-recording-ready-url", "meta_endCallbackUrl");
    }

    @Test
    void checksumAndRedirectCannotBeSmuggledIn() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder("room-1", "R").param("checksum", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> JoinMeeting.builder("room-1", "A").param("redirect", "true"));
        assertThatIllegalArgumentException().isThrownBy(() -> GetRecordings.builder().param("checksum", "x"));
    }

    @Test
    void negativeNumbersAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder("room-1", "R").duration(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> GetRecordings.builder().offset(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> GetRecordings.builder().limit(0));
        assertThatIllegalArgumentException().isThrownBy(() -> GetRecordings.builder().limit(101));
    }

    @Test
    void disabledFeaturesAreCommaJoined() {
        assertThat(CreateMeeting.builder("room-1", "R").disabledFeatures("chat", "polls").build().parameters())
                .containsEntry("disabledFeatures", "chat,polls");
        assertThatIllegalArgumentException().isThrownBy(() -> CreateMeeting.builder("room-1", "R")
                .disabledFeatures("chat,polls"));
    }

    @Test
    void groupsJsonEscapesStrings() {
        String json = BreakoutGroup.toJson(List.of(new BreakoutGroup("1", "a\\b\"c\n", List.of("u\"1"))));
        assertThat(json).isEqualTo("[{\"id\":\"1\",\"name\":\"a\\\\b\\\"c\\n\",\"roster\":[\"u\\\"1\"]}]");
        assertThat(Json.parse(json)).isEqualTo(List.of(Map.of("id", "1", "name", "a\\b\"c\n", "roster", List.of("u\"1"))));
    }

    @Test
    void joinDefaultsToViewerAndValidatesUserdataKeys() {
        JoinMeeting j = JoinMeeting.builder("room-1", "Ann").build();
        assertThat(j.role()).isEqualTo(Role.VIEWER);
        assertThat(JoinMeeting.builder("room-1", "Ann").role(Role.MODERATOR).build().role()).isEqualTo(Role.MODERATOR);
        assertThatIllegalArgumentException().isThrownBy(() -> JoinMeeting.builder("room-1", "Ann").userdata("a-b", "v"))
                .withMessageContaining("'-'");
        assertThatIllegalArgumentException().isThrownBy(() -> JoinMeeting.builder("room-1", " "));
        assertThat(JoinMeeting.builder("room-1", "Ann").userdata("bbb_default_layout", "VIDEO_FOCUS").build()
                .parameters()).containsEntry("userdata-bbb_default_layout", "VIDEO_FOCUS");
    }

    @Test
    void documentsAreValueObjects() {
        byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
        Document d = Document.fromBytes("a.txt", bytes);
        bytes[0] = 'X';
        assertThat(d.content()).hasValueSatisfying(c -> assertThat(new String(c, StandardCharsets.US_ASCII)).isEqualTo("abc"));
        assertThat(d).isEqualTo(Document.fromBytes("a.txt", "abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(d.withCurrent(true)).isNotEqualTo(d);
        assertThat(d.current()).isEmpty();
        assertThat(d.toString()).contains("inline, 3 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> Document.fromUrl(" "));
    }

    @Test
    void hookRequest() {
        CreateHook h = CreateHook.builder("https://a/h").getRaw(false).build();
        assertThat(h.callbackUrl()).isEqualTo("https://a/h");
        assertThat(h.parameters()).containsExactly(Map.entry("callbackURL", "https://a/h"), Map.entry("getRaw", "false"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreateHook.builder(""));
    }
}

package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abcXYZ019-._~     | abcXYZ019-._~",
        "\"a b\"           | a%20b",
        "it's              | it%27s",
        "Sp!c'ial (chars)* | Sp%21c%27ial%20%28chars%29%2A",
        "a&b=c+d%e         | a%26b%3Dc%2Bd%25e",
        "/?#[]@,;:$        | %2F%3F%23%5B%5D%40%2C%3B%3A%24",
        "Grüße             | Gr%C3%BC%C3%9Fe",
        "日本              | %E6%97%A5%E6%9C%AC",
        "x😀y              | x%F0%9F%98%80y",
    })
    void encodesWithTheRfc3986UnreservedSet(String raw, String encoded) {
        assertThat(QueryString.encode(raw)).isEqualTo(encoded);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(raw);
    }

    @Test
    void joinsPairsInInsertionOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("meetingID", "m 1");
        params.put("name", "A&B");
        params.put("empty", "");
        assertThat(new QueryString().addAll(params)).hasToString("meetingID=m%201&name=A%26B&empty=");
        assertThat(new QueryString().isEmpty()).isTrue();
    }

    @Test
    void loneSurrogateBecomesAQuestionMarkNotAnException() {
        assertThat(QueryString.encode("a\uD800b")).isEqualTo("a%3Fb");
    }
}

package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.bbb.devserver.client.ClientPage;
import org.junit.jupiter.api.Test;

class ClientPageTest {

    @Test
    void everythingIsEscapedAndIdsAreStable() {
        String html = ClientPage.page("<script>alert(1)</script>", "Bob \"&' <b>", "MODERATOR", "ALLOW");
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Bob &quot;&amp;&#39; &lt;b&gt;")
                .contains("id=\"dev-meeting-name\"", "id=\"dev-user-role\"", "id=\"dev-participants\"", "id=\"dev-leave\"",
                        "id=\"dev-end\"", "BigBlueButton development server — no audio or video");
        assertThat(ClientPage.page("M", "V", "VIEWER", "ALLOW")).doesNotContain("dev-end");
        assertThat(ClientPage.asset("client.js", "text/javascript").bodyText()).contains("sendBeacon").contains("heartbeat")
                .doesNotContain("innerHTML");
        assertThat(Json.str("</script>\u2028")).isEqualTo("\"\\u003c/script\\u003e\\u2028\"");
    }
}

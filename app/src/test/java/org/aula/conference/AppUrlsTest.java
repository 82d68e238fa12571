package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aula.devbbb.DevBbb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which base URL BBB gets, without the built-in server (a real BBB elsewhere). */
class AppUrlsTest {

    private static AppUrls urls(String baseUrl, String allowedHosts) {
        return new AppUrls(baseUrl, allowedHosts, new StaticListableBeanFactory().getBeanProvider(DevBbb.class), null);
    }

    private static MockHttpServletRequest request(String scheme, String host, int port) {
        var request = new MockHttpServletRequest("POST", "/rooms/personal/start");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }

    @Test
    void theConfiguredBaseWinsOverAnyHost() {
        var urls = urls("https://aula.school.example/", "");
        assertThat(urls.base(request("http", "evil.example", 80))).isEqualTo("https://aula.school.example");
        assertThat(urls.logoutUrl(request("http", "evil.example", 80), "/rooms/personal"))
                .isEqualTo("https://aula.school.example/rooms/personal");
    }

    @Test
    void withoutABaseOnlyAllowedAndLoopbackHostsAreUsed() {
        var urls = urls("", "aula.school.example, Other.School.Example");
        assertThat(urls.base(request("https", "aula.school.example", 443))).isEqualTo("https://aula.school.example");
        assertThat(urls.base(request("https", "other.school.example", 8443)))
                .isEqualTo("https://other.school.example:8443");
        assertThat(urls.base(request("http", "localhost", 8080))).isEqualTo("http://localhost:8080");
        assertThat(urls.base(request("http", "127.0.0.1", 8080))).isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> urls.base(request("http", "evil.example", 80)))
                .isInstanceOf(UntrustedHostException.class);
        assertThatThrownBy(() -> urls.logoutUrl(request("http", "aula.school.example.evil.example", 80), "/x"))
                .isInstanceOf(UntrustedHostException.class);
    }

    @Test
    void byDefaultNoOtherHostIsTrusted() {
        assertThatThrownBy(() -> urls("", "").base(request("https", "aula.school.example", 443)))
                .isInstanceOf(UntrustedHostException.class);
    }
}

package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.aula.support.WebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extreme dates in the admin meetings report get a clear message, on the page and before any export streams. */
class MeetingReportDatesTest extends WebTest {

    static final String REPORT = "/admin/videoconference/meetings";

    @ParameterizedTest
    @ValueSource(strings = {"to=+999999999-12-31", "from=-999999999-01-01", "from=0001-01-01&to=0001-01-02",
            "from=2026-01-01&to=9999-12-31"})
    void thePageSaysWhatIsWrong(String query) throws Exception {
        var response = mvc.perform(get(REPORT + "?" + query).with(as("admin")).header("Accept", "text/html"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("id=\"error\"").contains("Dates must lie between");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/export.csv", "/export.xlsx"})
    void exportsAreRefusedBeforeStreaming(String export) throws Exception {
        var response = mvc.perform(get(REPORT + export + "?to=+999999999-12-31").with(as("admin")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(response.getContentAsString()).contains("Dates must lie between 2000-01-01 and 2199-12-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?from=2026-01-01&to=2026-02-01"})
    void saneDatesStillWork(String query) throws Exception {
        assertThat(mvc.perform(get(REPORT + "/export.csv" + query).with(as("admin"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get(REPORT + query).with(as("admin"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }
}

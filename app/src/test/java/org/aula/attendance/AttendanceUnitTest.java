package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minutes, webhook parsing, CSV safety and the timeline geometry, without the application. */
class AttendanceUnitTest {

    static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    static AttendanceInterval interval(String ext, int fromMin, Integer toMin) {
        return new AttendanceInterval(0, 1, null, ext, ext, "Name " + ext, "VIEWER", T0.plusSeconds(fromMin * 60L),
                toMin == null ? null : T0.plusSeconds(toMin * 60L), "WEBHOOK");
    }

    @Test
    void minutesAreTheUnionOfIntervalsWithOneDecimal() {
        var people = PersonAttendance.of(List.of(interval("a", 0, 10), interval("a", 5, 12), interval("a", 30, null),
                interval("b", 1, 2)), T0.plusSeconds(40 * 60 + 20));
        assertThat(people).extracting(PersonAttendance::externalUserId).containsExactly("a", "b");
        PersonAttendance a = people.getFirst();
        assertThat(a.present()).isEqualTo(Duration.ofMinutes(22).plusSeconds(20));
        assertThat(a.minutes()).isEqualByComparingTo("22.3");
        assertThat(a.lastLeave()).isNull(); // still present
        assertThat(a.joins()).isEqualTo(3);
        assertThat(a.spans()).hasSize(2);
        assertThat(people.get(1).minutes()).isEqualByComparingTo(BigDecimal.ONE.setScale(1));
    }

    @Test
    void webhookBodiesAreParsedIntoTheEventsThatMatter() {
        String json = "[{\"data\":{\"type\":\"event\",\"id\":\"user-joined\",\"attributes\":{\"meeting\":"
                + "{\"internal-meeting-id\":\"i\",\"external-meeting-id\":\"m1\"},\"user\":{\"internal-user-id\":\"w_1\","
                + "\"external-user-id\":\"42\",\"name\":\"Ann & Bob\",\"role\":\"MODERATOR\"}},\"event\":{\"ts\":1700000000000}}},"
                + "{\"data\":{\"id\":\"meeting-created\",\"attributes\":{\"meeting\":{\"external-meeting-id\":\"m1\"}}}},"
                + "{\"data\":{\"id\":\"meeting-ended\",\"attributes\":{\"meeting\":{\"external-meeting-id\":\"m1\"}}}}]";
        String body = "domain=x&event=" + java.net.URLEncoder.encode(json, StandardCharsets.UTF_8)
                + "&timestamp=1700000009000";

        List<WebhookEvent> events = WebhookEvent.parse(body);

        assertThat(events).extracting(WebhookEvent::type).containsExactly("user-joined", "meeting-ended");
        WebhookEvent join = events.getFirst();
        assertThat(join.fullName()).isEqualTo("Ann & Bob");
        assertThat(join.isModerator()).isTrue();
        assertThat(join.externalUserId()).isEqualTo("42");
        assertThat(join.at()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(events.get(1).at()).isEqualTo(Instant.ofEpochMilli(1700000009000L)); // no ts: the delivery's
        assertThat(WebhookEvent.parse("event=not-json")).isEmpty();
        assertThat(WebhookEvent.parse("")).isEmpty();
    }

    @Test
    void csvCellsCannotBecomeFormulas() {
        assertThat(TableExport.csvCell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(TableExport.csvCell("+1")).isEqualTo("\"'+1\"");
        assertThat(TableExport.csvCell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(TableExport.csvCell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(TableExport.csvCell("Ann, Bob")).isEqualTo("\"Ann, Bob\"");
        assertThat(TableExport.csvCell("Plain")).isEqualTo("Plain");
        assertThat(TableExport.csvCell(-5)).isEqualTo("-5"); // numbers are numbers
        assertThat(TableExport.csvCell(new BigDecimal("12.5"))).isEqualTo("12.5");
        assertThat(TableExport.csvCell(LocalDateTime.of(2026, 12, 2, 9, 5, 7))).isEqualTo("2026-12-02 09:05:07");
        assertThat(TableExport.csvCell(null)).isEmpty();
    }

    @Test
    void csvHasAByteOrderMarkAndCrlfRows() {
        var out = new ByteArrayOutputStream();
        try (TableExport csv = TableExport.csv(out)) {
            csv.row(List.of("a", "b"));
            csv.row(Arrays.asList("x", null));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\nx,\r\n");
    }

    @Test
    void timelinePlacesBarsProportionallyWithRoundTicks() {
        var people = PersonAttendance.of(List.of(interval("a", 0, 30), interval("b", 30, 60)), T0.plusSeconds(3600));
        var timeline = AttendanceTimeline.of(people, T0, T0.plusSeconds(3600), ZoneOffset.UTC);

        assertThat(timeline.rows()).hasSize(2);
        var a = timeline.rows().get(0).bars().getFirst();
        var b = timeline.rows().get(1).bars().getFirst();
        assertThat(a.x()).isEqualTo(timeline.chartLeft());
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(b.x() + b.width()).isEqualTo(timeline.chartRight());
        assertThat(timeline.ticks()).extracting(AttendanceTimeline.Tick::label)
                .containsExactly("09:00", "09:10", "09:20", "09:30", "09:40", "09:50", "10:00");
        assertThat(a.label()).isEqualTo("Name a: 09:00–09:30");
    }
}

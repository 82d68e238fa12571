package org.aula.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the presence chart (server-rendered SVG): one row per person, a bar per span of presence, a time axis
 * with round ticks. All numbers are in SVG user units; the template only places them.
 */
public record AttendanceTimeline(int width, int height, int chartLeft, int chartRight, int axisY, List<Row> rows,
                                 List<Tick> ticks) {

    static final int WIDTH = 900;
    static final int LABEL_WIDTH = 200;
    static final int RIGHT_MARGIN = 20;
    static final int ROW_HEIGHT = 26;
    static final int TOP = 10;
    static final int AXIS_HEIGHT = 30;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final long[] TICK_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 480};

    public record Row(String name, boolean moderator, int y, int labelY, List<Bar> bars) {
    }

    /** @param label e.g. "10:02–10:15", shown as the bar's tooltip */
    public record Bar(double x, double width, String label) {
    }

    public record Tick(double x, String label) {
    }

    /**
     * @param start the meeting's start (earlier if someone's join is earlier)
     * @param end the meeting's end, or now while it runs
     */
    static AttendanceTimeline of(List<PersonAttendance> people, Instant start, Instant end, ZoneId zone) {
        for (PersonAttendance p : people) {
            for (PersonAttendance.Span s : p.spans()) {
                if (s.from().isBefore(start)) {
                    start = s.from();
                }
                if (s.to().isAfter(end)) {
                    end = s.to();
                }
            }
        }
        long totalMillis = Math.max(Duration.between(start, end).toMillis(), 60_000);
        int chartLeft = LABEL_WIDTH;
        int chartRight = WIDTH - RIGHT_MARGIN;
        double scale = (chartRight - chartLeft) / (double) totalMillis;
        List<Row> rows = new ArrayList<>();
        int y = TOP;
        for (PersonAttendance p : people) {
            List<Bar> bars = new ArrayList<>();
            for (PersonAttendance.Span s : p.spans()) {
                double x = chartLeft + Duration.between(start, s.from()).toMillis() * scale;
                double w = Math.max(2, Duration.between(s.from(), s.to()).toMillis() * scale);
                bars.add(new Bar(round(x), round(w), p.name() + ": " + HH_MM.format(s.from().atZone(zone)) + "–"
                        + HH_MM.format(s.to().atZone(zone))));
            }
            rows.add(new Row(p.name(), p.isModerator(), y + 4, y + ROW_HEIGHT / 2 + 5, bars));
            y += ROW_HEIGHT;
        }
        int axisY = y + 4;
        List<Tick> ticks = new ArrayList<>();
        long stepMinutes = TICK_MINUTES[TICK_MINUTES.length - 1];
        for (long candidate : TICK_MINUTES) {
            if (totalMillis / (candidate * 60_000) <= 8) {
                stepMinutes = candidate;
                break;
            }
        }
        long step = stepMinutes * 60_000;
        // Ticks on round clock times (10:00, 10:15, ...) in the shown zone.
        long offset = start.atZone(zone).getOffset().getTotalSeconds() * 1000L;
        long first = Math.floorDiv(start.toEpochMilli() + offset + step - 1, step) * step - offset;
        for (long t = first; t <= end.toEpochMilli(); t += step) {
            Instant at = Instant.ofEpochMilli(t);
            ticks.add(new Tick(round(chartLeft + (t - start.toEpochMilli()) * scale), HH_MM.format(at.atZone(zone))));
        }
        return new AttendanceTimeline(WIDTH, axisY + AXIS_HEIGHT, chartLeft, chartRight, axisY, rows, ticks);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

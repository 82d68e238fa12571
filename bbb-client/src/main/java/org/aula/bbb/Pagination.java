package org.aula.bbb;

/** The page block BBB 2.6+ adds to {@code getRecordings} when a limit was given. */
public record Pagination(int offset, int limit, long totalElements) {
}

package org.aula.bbb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Recordings found; {@code pagination} is present only if the query had a limit and the server pages. */
public record RecordingsPage(List<Recording> recordings, Optional<Pagination> pagination) {
    public RecordingsPage {
        recordings = List.copyOf(recordings);
        Objects.requireNonNull(pagination, "pagination");
    }
}

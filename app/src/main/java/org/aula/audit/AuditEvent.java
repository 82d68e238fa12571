package org.aula.audit;

import java.time.OffsetDateTime;

/** One recorded change: when, by whom (name kept even after the account is gone), what, to what. */
public record AuditEvent(long id, OffsetDateTime at, String actorName, String action, String target,
                         String details) {
}

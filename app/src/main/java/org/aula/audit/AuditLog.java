package org.aula.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who changed what, for admins to look back at. Every module records its admin changes here. Details are plain
 * text shown to admins: never pass a password, secret or hash.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param actor username of the person acting, or null when the system acts on its own
     * @param action what happened, a short stable code such as {@code user.create}
     * @param target what it happened to, such as {@code user:teacher} or {@code course:DEMO101}
     * @param details free text for humans (no secrets), may be null
     */
    public void record(String actor, String action, String target, String details) {
        // The actor's id is looked up here (not passed in) so that callers need nothing but the username, and
        // the row keeps the name even after the account is deleted.
        jdbc.sql("""
                        insert into audit_event (actor_id, actor_name, action, target, details)
                        values ((select id from app_user where lower(username) = lower(:actor)),
                                :actorName, :action, :target, :details)""")
                .param("actor", actor)
                .param("actorName", actor == null ? "system" : truncate(actor, 200))
                .param("action", truncate(action, 60))
                .param("target", truncate(target, 300))
                .param("details", details)
                .update();
    }

    /**
     * Newest first, only events whose actor, action, target or details contain the search text (case-insensitive);
     * all events when it is blank.
     */
    public List<AuditEvent> newest(String search, int offset, int limit) {
        if (search == null || search.isBlank()) {
            return newest(offset, limit);
        }
        return jdbc.sql("select id, at, actor_name, action, target, details from audit_event where " + MATCHES
                        + " order by at desc, id desc offset :offset rows fetch next :limit rows only")
                .param("q", pattern(search)).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class), rs.getString("actor_name"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list();
    }

    public int count(String search) {
        if (search == null || search.isBlank()) {
            return count();
        }
        return jdbc.sql("select count(*) from audit_event where " + MATCHES).param("q", pattern(search))
                .query(Integer.class).single();
    }

    private static final String MATCHES = "(lower(actor_name) like :q escape '\\' or lower(action) like :q escape '\\'"
            + " or lower(target) like :q escape '\\' or lower(coalesce(details, '')) like :q escape '\\')";

    private static String pattern(String search) {
        String escaped = search.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public List<AuditEvent> newest(int offset, int limit) {
        return jdbc.sql("""
                        select id, at, actor_name, action, target, details from audit_event
                        order by at desc, id desc offset :offset rows fetch next :limit rows only""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class), rs.getString("actor_name"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list();
    }

    public int count() {
        return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package org.aula.user;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    static final RowMapper<AppUser> USER = (rs, n) -> new AppUser(
            rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
            rs.getString("locale"), rs.getBoolean("admin"), rs.getBoolean("enabled"),
            rs.getString("external_issuer"), rs.getString("external_subject"));

    private static final String COLUMNS =
            "id, username, full_name, email, locale, admin, enabled, external_issuer, external_subject";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AppUser> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(USER).optional();
    }

    public Optional<AppUser> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(?)")
                .param(username).query(USER).optional();
    }

    public List<AppUser> findAll() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(USER).list();
    }

    Optional<AulaUser> findLogin(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, full_name, locale, admin, enabled
                        from app_user where lower(username) = lower(?) and password_hash is not null""")
                .param(username)
                .query((rs, n) -> new AulaUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("full_name"), rs.getString("locale"),
                        rs.getBoolean("admin"), rs.getBoolean("enabled")))
                .optional();
    }

    /** Creates a local account; the caller passes an already encoded password hash (or null for none). */
    public long create(String username, String passwordHash, String fullName, String email, boolean admin) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into app_user (username, password_hash, full_name, email, admin)
                        values (:username, :hash, :fullName, :email, :admin)""")
                .param("username", username).param("hash", passwordHash).param("fullName", fullName)
                .param("email", email).param("admin", admin)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateLocale(long userId, String locale) {
        jdbc.sql("update app_user set locale = ? where id = ?").param(locale).param(userId).update();
    }
}

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

    /** The signed-in user as the session holds it, read fresh by primary key (see SignedInUserRefresh). */
    Optional<AulaUser> findSignedIn(long id) {
        return jdbc.sql("select id, username, password_hash, full_name, locale, admin, enabled from app_user where id = ?")
                .param(id).query(SIGNED_IN).optional();
    }

    private static final RowMapper<AulaUser> SIGNED_IN = (rs, n) -> new AulaUser(rs.getLong("id"),
            rs.getString("username"), rs.getString("password_hash"), rs.getString("full_name"),
            rs.getString("locale"), rs.getBoolean("admin"), rs.getBoolean("enabled"));

    Optional<AulaUser> findLogin(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, full_name, locale, admin, enabled
                        from app_user where lower(username) = lower(?) and password_hash is not null""")
                .param(username)
                .query(SIGNED_IN)
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

    /** Changes what an admin may edit; the username stays unique (the database rejects duplicates). */
    public void update(long userId, String username, String fullName, String email, boolean admin, boolean enabled) {
        jdbc.sql("""
                        update app_user set username = :username, full_name = :fullName, email = :email,
                               admin = :admin, enabled = :enabled where id = :id""")
                .param("username", username).param("fullName", fullName).param("email", email)
                .param("admin", admin).param("enabled", enabled).param("id", userId)
                .update();
    }

    public void updateFullName(long userId, String fullName) {
        jdbc.sql("update app_user set full_name = ? where id = ?").param(fullName).param(userId).update();
    }

    public void updateNameAndEmail(long userId, String fullName, String email) {
        jdbc.sql("update app_user set full_name = ?, email = ? where id = ?")
                .param(fullName).param(email).param(userId).update();
    }

    /** Stores an already encoded password hash; null removes the password (the account cannot sign in). */
    public void updatePasswordHash(long userId, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").param(passwordHash).param(userId).update();
    }

    public boolean hasPassword(long userId) {
        return jdbc.sql("select count(*) from app_user where id = ? and password_hash is not null")
                .param(userId).query(Integer.class).single() > 0;
    }

    public void delete(long userId) {
        jdbc.sql("delete from app_user where id = ?").param(userId).update();
    }

    public int countAdmins() {
        return jdbc.sql("select count(*) from app_user where admin = true").query(Integer.class).single();
    }

    public int count(String search) {
        return jdbc.sql("""
                        select count(*) from app_user where lower(username) like :q or lower(full_name) like :q
                           or lower(coalesce(email, '')) like :q""")
                .param("q", like(search)).query(Integer.class).single();
    }

    /** One page of users whose username, name or email contains the search text, by username. */
    public List<AppUser> search(String search, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from app_user where lower(username) like :q or lower(full_name) like :q
                           or lower(coalesce(email, '')) like :q
                        order by username offset :offset rows fetch next :limit rows only""")
                .param("q", like(search)).param("offset", offset).param("limit", limit).query(USER).list();
    }

    private static String like(String search) {
        String term = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + term + "%";
    }
}

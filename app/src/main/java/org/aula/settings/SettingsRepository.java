package org.aula.settings;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** platform_setting and course_setting rows (name/value). */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> platformSettings(String prefix) {
        var map = new TreeMap<String, String>();
        jdbc.sql("select name, value from platform_setting where name like ?").param(prefix + "%")
                .query(rs -> {
                    map.put(rs.getString("name"), rs.getString("value"));
                });
        return map;
    }

    void putPlatformSetting(String name, String value) {
        // update-then-insert works the same on PostgreSQL and on H2 (no ON CONFLICT needed)
        int updated = jdbc.sql("update platform_setting set value = ? where name = ?").param(value).param(name).update();
        if (updated == 0) {
            jdbc.sql("insert into platform_setting (name, value) values (?, ?)").param(name).param(value).update();
        }
    }

    /** Inserts only: fails with DuplicateKeyException when the setting exists (first writer wins). */
    void insertPlatformSetting(String name, String value) {
        jdbc.sql("insert into platform_setting (name, value) values (?, ?)").param(name).param(value).update();
    }

    Optional<String> courseSetting(long courseId, String name) {
        return jdbc.sql("select value from course_setting where course_id = ? and name = ?")
                .param(courseId).param(name).query(String.class).optional();
    }

    void putCourseSetting(long courseId, String name, String value) {
        if (value == null) {
            jdbc.sql("delete from course_setting where course_id = ? and name = ?").param(courseId).param(name).update();
            return;
        }
        int updated = jdbc.sql("update course_setting set value = ? where course_id = ? and name = ?")
                .param(value).param(courseId).param(name).update();
        if (updated == 0) {
            jdbc.sql("insert into course_setting (course_id, name, value) values (?, ?, ?)")
                    .param(courseId).param(name).param(value).update();
        }
    }
}

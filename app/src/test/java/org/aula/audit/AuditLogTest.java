package org.aula.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.aula.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditLogTest extends WebTest {

    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void recordsWhoDidWhatAndListsNewestFirstWithPaging() throws Exception {
        auditLog.record("admin", "test.first", "thing:al-1", "first <details>");
        auditLog.record(null, "test.second", "thing:al-2", null);
        auditLog.record("teacher", "test.third", "thing:al-3", "third");

        var newest = auditLog.newest(0, 3);
        assertThat(newest).extracting(AuditEvent::action).containsExactly("test.third", "test.second", "test.first");
        assertThat(newest.get(1).actorName()).isEqualTo("system");
        Long adminId = jdbc.sql("select actor_id from audit_event where target = 'thing:al-1'").query(Long.class).single();
        assertThat(adminId).isEqualTo(jdbc.sql("select id from app_user where username = 'admin'")
                .query(Long.class).single());

        String page = mvc.perform(get("/admin/audit").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("thing:al-3")).isPositive().isLessThan(page.indexOf("thing:al-1"));
        assertThat(page).contains("first &lt;details&gt;");

        for (int i = 0; i < AuditController.PAGE_SIZE; i++) {
            auditLog.record("admin", "test.filler", "filler:" + i, null);
        }
        String second = mvc.perform(get("/admin/audit").param("page", "2").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("thing:al-3").doesNotContain("filler:49");
    }
}

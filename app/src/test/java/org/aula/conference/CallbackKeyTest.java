package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.audit.AuditLog;
import org.aula.bbb.CallbackTokens;
import org.aula.settings.CallbackKey;
import org.aula.settings.SecretBox;
import org.aula.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** End-callback tokens come from a random per-installation key, not from aula.secret-key (public in demo mode). */
class CallbackKeyTest extends AppTest {

    @Autowired MeetingCallbacks callbacks;
    @Autowired CallbackKey key;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;

    private String token(String meetingId) {
        String url = callbacks.meetingEndedUrl("http://x", meetingId);
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    @Test
    void aTokenForgedWithTheDemoKeyIsRefused() {
        String forged = new CallbackTokens(secrets.derive("meeting-callback-tokens")).tokenFor("ck-meeting");
        assertThat(callbacks.verify("ck-meeting", forged)).isFalse();
        assertThat(token("ck-meeting")).isNotEqualTo(forged);
        assertThat(callbacks.verify("ck-meeting", token("ck-meeting"))).isTrue();
    }

    @Test
    void theKeyIsStoredEncrypted() {
        String stored = jdbc.sql("select value from platform_setting where name = 'callbacks.key'")
                .query(String.class).single();
        assertThat(stored).startsWith("v1:");
    }

    @Test
    void afterARotationOldTokensStayValidOnceNewOnesAreDifferent() {
        String before = token("ck-rotate");
        key.rotate("admin");
        String after = token("ck-rotate");
        assertThat(after).isNotEqualTo(before);
        assertThat(callbacks.verify("ck-rotate", before)).isTrue();
        assertThat(callbacks.verify("ck-rotate", after)).isTrue();

        key.rotate("admin");
        assertThat(callbacks.verify("ck-rotate", before)).isFalse();
        assertThat(callbacks.verify("ck-rotate", after)).isTrue();
        assertThat(audit.newest("callback-key-rotate", 0, 5)).isNotEmpty();
    }
}

package org.aula.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @Test
    void encryptsWithAFreshNonceAndDecryptsOnlyUnderTheSameKeyAndName() {
        var box = new SecretBox("a-long-random-test-key");
        String sealed = box.encrypt("videoconference.secret", "s3cr3t");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(box.encrypt("videoconference.secret", "s3cr3t")).isNotEqualTo(sealed);
        assertThat(box.decrypt("videoconference.secret", sealed)).isEqualTo("s3cr3t");

        assertThatThrownBy(() -> box.decrypt("other.setting", sealed)).hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new SecretBox("another-key").decrypt("videoconference.secret", sealed))
                .hasMessageContaining("aula.secret-key");
    }

    @Test
    void withoutAKeyNothingIsStoredAndTheMessageSaysWhatToSet() {
        var box = new SecretBox("");
        assertThat(box.isConfigured()).isFalse();
        assertThatThrownBy(() -> box.encrypt("videoconference.secret", "x"))
                .isInstanceOf(SecretBox.MissingSecretKeyException.class)
                .hasMessageContaining("AULA_SECRET_KEY");
    }

    @Test
    void derivedKeysDifferPerPurpose() {
        var box = new SecretBox("k");
        assertThat(box.derive("a")).isNotEqualTo(box.derive("b")).hasSize(32);
    }
}

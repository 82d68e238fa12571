package org.aula.settings;

import org.aula.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes plugin-setting changes to the audit log: which settings changed and by whom, never their values. */
@Component
class SettingsAudit {

    private final AuditLog audit;

    SettingsAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void videoconferenceSettingsChanged(VideoconferenceSettingsChanged event) {
        audit.record(event.actorId() == null ? null : event.actorName(), "plugin.videoconference.update",
                "plugin:videoconference", "changed: " + String.join(", ", event.changedSettings()));
    }
}

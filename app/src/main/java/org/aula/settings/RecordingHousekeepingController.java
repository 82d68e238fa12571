package org.aula.settings;

import java.util.Locale;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plugin page's recordings section (its own form; /admin/** is for administrators only). */
@Controller
class RecordingHousekeepingController {

    private final RecordingHousekeeping housekeeping;
    private final MessageSource messages;

    RecordingHousekeepingController(RecordingHousekeeping housekeeping, MessageSource messages) {
        this.housekeeping = housekeeping;
        this.messages = messages;
    }

    @PostMapping("/admin/plugins/videoconference/recordings")
    String save(@RequestParam(defaultValue = "false") boolean deleteWithCourse,
                @RequestParam(required = false) Integer retentionDays,
                @AuthenticationPrincipal AulaUser user, Locale locale, RedirectAttributes redirect) {
        housekeeping.save(new RecordingHousekeeping.Options(deleteWithCourse,
                retentionDays == null ? 0 : Math.min(Math.max(0, retentionDays), 36_500)), user.username());
        redirect.addFlashAttribute("notice", messages.getMessage("recording.plugin.saved", null, locale));
        return "redirect:/admin/plugins/videoconference";
    }
}

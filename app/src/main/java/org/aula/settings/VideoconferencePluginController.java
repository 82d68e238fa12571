package org.aula.settings;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.aula.bbb.BbbConfig;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration → Plugins → Videoconference. /admin/** is admin-only (SecurityConfig). */
@Controller
@RequestMapping("/admin/plugins/videoconference")
class VideoconferencePluginController {

    private final VideoconferenceSettingsService settings;
    private final BbbConnectionCheck connectionCheck;
    private final SecretBox secrets;
    private final CallbackKey callbackKey;
    private final MessageSource messages;

    VideoconferencePluginController(VideoconferenceSettingsService settings, BbbConnectionCheck connectionCheck,
                                    SecretBox secrets, MessageSource messages, CallbackKey callbackKey) {
        this.settings = settings;
        this.callbackKey = callbackKey;
        this.connectionCheck = connectionCheck;
        this.secrets = secrets;
        this.messages = messages;
    }

    /** What the page shows; the secret itself never reaches the model, only whether one is stored. */
    record PluginForm(boolean enabled, String serverUrl, boolean secretStored, ChecksumAlgorithm checksumAlgorithm,
                      boolean recordingDefault, boolean lockCourseSettings, int defaultDurationMinutes,
                      String welcomeMessage) {
        static PluginForm of(VideoconferenceSettings s) {
            return new PluginForm(s.enabled(), s.serverUrl(), s.hasSecret(), s.checksumAlgorithm(), s.recordingDefault(),
                    s.lockCourseSettings(), s.defaultDurationMinutes(), s.welcomeMessage());
        }
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PluginForm.of(settings.current()));
        }
        model.addAttribute("algorithms", List.of(ChecksumAlgorithm.values()));
        return "settings/videoconference";
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(defaultValue = "") String serverUrl,
                @RequestParam(defaultValue = "") String secret,
                @RequestParam(defaultValue = "SHA256") ChecksumAlgorithm checksumAlgorithm,
                @RequestParam(defaultValue = "false") boolean recordingDefault,
                @RequestParam(defaultValue = "false") boolean lockCourseSettings,
                @RequestParam(defaultValue = "300") String defaultDurationMinutes,
                @RequestParam(defaultValue = "") String welcomeMessage,
                @AuthenticationPrincipal AulaUser admin, Model model, Locale locale, RedirectAttributes redirect) {
        var current = settings.current();
        String problem = null;
        int duration = -1;
        try {
            duration = Integer.parseInt(defaultDurationMinutes.strip());
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (duration < 0 || duration > 24 * 60 * 7) {
            problem = msg("settings.vc.error.duration", locale);
        } else if (!serverUrl.isBlank() && !validUrl(serverUrl)) {
            problem = msg("settings.vc.error.url", locale);
        } else if (enabled && serverUrl.isBlank()) {
            problem = msg("settings.vc.error.urlRequired", locale);
        } else if (enabled && secret.isBlank() && !current.hasSecret()) {
            problem = msg("settings.vc.error.secretRequired", locale);
        } else if (secret.isBlank() && current.hasSecret() && !serverUrl.isBlank()
                && !sameServer(serverUrl, current.serverUrl())) {
            problem = msg("settings.vc.test.SECRET_NEEDED", locale);
        } else if (!serverUrl.isBlank() && connectionCheck.forbiddenTarget(serverUrl)) {
            problem = msg("settings.vc.test.FORBIDDEN_TARGET", locale);
        } else if (!secret.isBlank() && !secrets.isConfigured()) {
            problem = msg("settings.vc.error.noKey", locale);
        } else if (welcomeMessage.length() > 2000) {
            problem = msg("settings.vc.error.welcome", locale);
        }
        if (problem != null) {
            model.addAttribute("error", problem);
            model.addAttribute("form", new PluginForm(enabled, serverUrl, current.hasSecret(), checksumAlgorithm,
                    recordingDefault, lockCourseSettings, Math.max(duration, 0), welcomeMessage));
            return page(model);
        }
        settings.save(new VideoconferenceSettingsUpdate(enabled, serverUrl, secret, checksumAlgorithm, recordingDefault,
                lockCourseSettings, duration, welcomeMessage), admin.id(), admin.username());
        redirect.addFlashAttribute("notice", msg("settings.vc.saved", locale));
        return "redirect:/admin/plugins/videoconference";
    }

    /** A new random key for callback tokens (e.g. after a leak); the previous one stays valid until the next rotation. */
    @PostMapping("/callback-key")
    String rotateCallbackKey(@AuthenticationPrincipal AulaUser admin, Locale locale, RedirectAttributes redirect) {
        if (!callbackKey.available()) {
            redirect.addFlashAttribute("error", msg("settings.vc.error.noKey", locale));
        } else {
            callbackKey.rotate(admin.username());
            redirect.addFlashAttribute("notice", msg("hardening.callbackKey.rotated", locale));
        }
        return "redirect:/admin/plugins/videoconference";
    }

    /** htmx: checks the values in the form (empty secret = the stored one) and answers a result fragment. */
    @PostMapping("/test")
    String test(@RequestParam(defaultValue = "") String serverUrl, @RequestParam(defaultValue = "") String secret,
                @RequestParam(defaultValue = "SHA256") ChecksumAlgorithm checksumAlgorithm, Model model) {
        var current = settings.current();
        // The stored secret goes to the stored server only: signed with it, a request to another URL would hand
        // out a checksum that replays against the real server.
        boolean storedServer = sameServer(serverUrl, current.serverUrl());
        String usedSecret = secret.isBlank() && storedServer ? current.secret() : secret;
        BbbConnectionCheck.Result result;
        if (secret.isBlank() && !storedServer && current.hasSecret()) {
            result = new BbbConnectionCheck.Result(BbbConnectionCheck.Outcome.SECRET_NEEDED, null, null, null);
        } else if (usedSecret == null || usedSecret.isBlank()) {
            result = new BbbConnectionCheck.Result(BbbConnectionCheck.Outcome.WRONG_SECRET, "no secret", null, null);
        } else {
            result = connectionCheck.check(serverUrl, usedSecret, checksumAlgorithm);
        }
        // Plain values for the template: SpEL cannot call methods of this package's non-public types.
        model.addAttribute("tested", true);
        model.addAttribute("ok", result.ok());
        model.addAttribute("outcome", result.outcome().name());
        model.addAttribute("version", result.version());
        model.addAttribute("detail", result.detail());
        model.addAttribute("algorithm", checksumAlgorithm.jcaName());
        model.addAttribute("accepted", result.acceptedAlgorithm() == null ? "" : result.acceptedAlgorithm().jcaName());
        return "settings/videoconference :: testResult";
    }

    /** Same API base once normalised (a trailing slash or "/api" more or less is the same server). */
    private static boolean sameServer(String typed, String stored) {
        if (stored == null || stored.isBlank()) {
            return false;
        }
        try {
            return BbbConfig.normaliseApiBase(typed).equals(BbbConfig.normaliseApiBase(stored));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI ignored = BbbConfig.normaliseApiBase(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}

package org.aula.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload form, result page and example file of the CSV import of users and enrolments. */
@Controller
@RequestMapping("/admin/import")
class EnrolmentImportController {

    static final String EXAMPLE = """
            username,full_name,email,password,course,role,session,group
            jdoe,Jane Doe,jane.doe@example.org,Change-me-2027,DEMO101,student,DEMO101 – Spring 2027,Group A
            pvries,Pieter de Vries,pieter.devries@example.org,,DEMO101,teacher,,
            mkhan,Maya Khan,maya.khan@example.org,,DEMO101,coach,DEMO101 – Spring 2027,
            lmartin,"Martin, Lucas",,,DEMO101,tutor,,Group A
            """;

    /** An error ready for the page: line 0 means the file as a whole. */
    record ErrorLine(int line, String message) {
    }

    private final EnrolmentImport enrolmentImport;
    private final MessageSource messages;

    EnrolmentImportController(EnrolmentImport enrolmentImport, MessageSource messages) {
        this.enrolmentImport = enrolmentImport;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        addLimits(model);
        return "admin/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal AulaUser me, Model model, Locale locale) throws IOException {
        addLimits(model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(new ErrorLine(0,
                    messages.getMessage("platform.import.error.noFile", null, locale))));
            return "admin/import";
        }
        // Checked before reading, so a huge file is never held in memory.
        if (file.getSize() > EnrolmentImport.MAX_BYTES) {
            model.addAttribute("errors", List.of(new ErrorLine(0, messages.getMessage(
                    "platform.import.error.tooLarge", new Object[] {EnrolmentImport.MAX_BYTES / 1024}, locale))));
            return "admin/import";
        }
        var outcome = enrolmentImport.run(file.getBytes(), me.username());
        model.addAttribute("fileName", file.getOriginalFilename());
        if (!outcome.ok()) {
            model.addAttribute("errors", outcome.errors().stream()
                    .map(e -> new ErrorLine(e.line(), messages.getMessage("platform.import.error." + e.code(),
                            e.args().toArray(), locale)))
                    .toList());
            return "admin/import";
        }
        model.addAttribute("summary", outcome.summary());
        return "admin/import";
    }

    @GetMapping("/example.csv")
    ResponseEntity<byte[]> example() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("aula-import-example.csv").build().toString())
                .body(EXAMPLE.getBytes(StandardCharsets.UTF_8));
    }

    private static void addLimits(Model model) {
        model.addAttribute("maxKilobytes", EnrolmentImport.MAX_BYTES / 1024);
        model.addAttribute("maxLines", EnrolmentImport.MAX_LINES);
    }
}

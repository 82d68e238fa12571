package org.aula.conference;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where BBB downloads slides too large to travel inside the create or insertDocument body. BBB has no Aula session,
 * so the URL carries the presentation's unguessable token (192 bits) instead; a new upload gets a new token.
 */
@RestController
class PresentationDownloadController {

    private final RoomKindsRepository repository;

    PresentationDownloadController(RoomKindsRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/callbacks/presentations/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return repository.presentationByToken(token)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType((String) p[1]))
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename((String) p[0]).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body((byte[]) p[2]))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}

package org.aula.conference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aula.bbbaccess.BbbAccess;
import org.springframework.stereotype.Service;

/**
 * Slides a moderator prepares for a room: checked (size, extension, and the file's first bytes matching that
 * extension), stored for the next meeting's create, and pushed into the running meeting with insertDocument.
 */
@Service
class RoomPresentations {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Why an upload was refused; each has a message key "rooms.slides.error.&lt;name&gt;". */
    enum Problem { EMPTY, TOO_LARGE, TYPE, CONTENT }

    static final class RefusedException extends RuntimeException {
        final Problem problem;

        RefusedException(Problem problem) {
            super("Presentation refused: " + problem);
            this.problem = problem;
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** Allowed extensions with the content type stored and the signature their first bytes must carry. */
    private static final Map<String, Object[]> TYPES = Map.ofEntries(
            Map.entry("pdf", new Object[] {"application/pdf", PDF}),
            Map.entry("pptx", new Object[] {"application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP}),
            Map.entry("docx", new Object[] {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP}),
            Map.entry("xlsx", new Object[] {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP}),
            Map.entry("odp", new Object[] {"application/vnd.oasis.opendocument.presentation", ZIP}),
            Map.entry("odt", new Object[] {"application/vnd.oasis.opendocument.text", ZIP}),
            Map.entry("ppt", new Object[] {"application/vnd.ms-powerpoint", OLE}),
            Map.entry("doc", new Object[] {"application/msword", OLE}),
            Map.entry("png", new Object[] {"image/png", PNG}),
            Map.entry("jpg", new Object[] {"image/jpeg", JPEG}),
            Map.entry("jpeg", new Object[] {"image/jpeg", JPEG}));

    static final List<String> EXTENSIONS = List.of("pdf", "pptx", "ppt", "odp", "docx", "doc", "odt", "xlsx", "png",
            "jpg", "jpeg");

    private final RoomKindsRepository repository;
    private final Rooms rooms;
    private final RoomMeetingOptions meetingOptions;
    private final BbbAccess bbb;

    RoomPresentations(RoomKindsRepository repository, Rooms rooms, RoomMeetingOptions meetingOptions, BbbAccess bbb) {
        this.repository = repository;
        this.rooms = rooms;
        this.meetingOptions = meetingOptions;
        this.bbb = bbb;
    }

    /**
     * Checks and stores the file for the room's next meeting; when the room is open, also sends it to the running
     * meeting (insertDocument).
     *
     * @return true when it was also sent to the running meeting
     * @throws RefusedException with the reason when the file is not acceptable
     */
    boolean upload(Room room, String originalName, byte[] content, long userId, String appBaseUrl) {
        String filename = safeName(originalName);
        String contentType = check(filename, content);
        repository.putPresentation(room.id(), filename, contentType, content, PersonalRoomPolicy.newToken(), userId);
        RoomState state = rooms.state(room.id());
        if (!state.open()) {
            return false;
        }
        var info = repository.presentationInfo(room.id()).orElseThrow();
        var document = meetingOptions.document(room, info, appBaseUrl).withCurrent(true);
        bbb.call("insertDocument", client -> {
            client.insertDocument(state.bbbMeetingId(), List.of(document));
            return null;
        });
        return true;
    }

    void remove(Room room) {
        repository.deletePresentation(room.id());
    }

    Optional<RoomKindsRepository.PresentationInfo> info(Room room) {
        return repository.presentationInfo(room.id());
    }

    /** The content type for an acceptable file. */
    static String check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new RefusedException(Problem.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            throw new RefusedException(Problem.TOO_LARGE);
        }
        int dot = filename.lastIndexOf('.');
        Object[] type = dot < 0 ? null : TYPES.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new RefusedException(Problem.TYPE);
        }
        byte[] signature = (byte[]) type[1];
        if (content.length < signature.length
                || !Arrays.equals(content, 0, signature.length, signature, 0, signature.length)) {
            throw new RefusedException(Problem.CONTENT);
        }
        return (String) type[0];
    }

    /** The last path segment, with only letters, digits, space, dot, dash and underscore kept. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "slides" + name;
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}

package org.aula.conference;

import java.util.Optional;
import org.aula.course.CourseAccess;
import org.aula.course.CourseTool;
import org.aula.settings.VideoconferenceSettingsService;
import org.springframework.stereotype.Component;

/** The "Videoconference" link on every course home while the plugin is enabled and configured. No BBB call. */
@Component
class VideoconferenceCourseTool implements CourseTool {

    private final VideoconferenceSettingsService settings;

    VideoconferenceCourseTool(VideoconferenceSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Link> linkFor(CourseAccess access) {
        if (!settings.current().isActive()) {
            return Optional.empty();
        }
        return Optional.of(new Link("videoconference", "conference.tool.name",
                "/courses/" + access.course().code() + "/videoconference"));
    }
}

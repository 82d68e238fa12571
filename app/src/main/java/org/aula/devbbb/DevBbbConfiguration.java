package org.aula.devbbb;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.aula.bbb.devserver.DevServer;
import org.aula.bbb.devserver.servlet.DevServerServlet;
import org.aula.settings.VideoconferenceSettingsService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode ({@code aula.devserver.enabled=true}): the BBB-compatible development server runs inside the app under
 * {@code /devbbb/*}, and the videoconference plugin is pointed at it unless an administrator configured another
 * server, so a newcomer needs nothing else. Its secret is generated on every start, kept in memory, and stored
 * (encrypted) in the plugin settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aula.devserver.enabled", havingValue = "true")
class DevBbbConfiguration {

    static final String MOUNT = "/devbbb";
    @Bean(destroyMethod = "close")
    DevServer devServer(@Value("${aula.devserver.time-scale:1}") double timeScale) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new DevServer(DevServer.Options.builder(HexFormat.of().formatHex(random)).timeScale(timeScale).build());
    }

    @Bean
    ServletRegistrationBean<DevServerServlet> devServerServlet(DevServer devServer) {
        var registration = new ServletRegistrationBean<>(new DevServerServlet(devServer), MOUNT + "/*");
        registration.setName("devbbb");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    DevBbb devBbb(DevServer devServer, VideoconferenceSettingsService settings,
                  @Value("${aula.base-url:}") String baseUrl) {
        return new DevBbb(devServer, settings, baseUrl);
    }
}

package org.aula;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * English and Dutch are both complete: every key of every bundle (messages*.properties and i18n/*.properties, all
 * features) exists in both languages, with a value.
 */
class I18nBundlesTest {

    private static final List<String> LOCALES = List.of("nl");

    @Test
    void everyKeyExistsInEnglishAndDutch() throws IOException {
        Map<String, Properties> bundles = loadBundles();
        assertThat(bundles).containsKeys("messages", "i18n/platform", "messages_nl", "i18n/platform_nl");

        var problems = new ArrayList<String>();
        for (var bundle : bundles.entrySet()) {
            String name = bundle.getKey();
            if (LOCALES.stream().anyMatch(l -> name.endsWith("_" + l))) {
                String base = name.substring(0, name.lastIndexOf('_'));
                if (!bundles.containsKey(base)) {
                    problems.add(name + ": no English bundle " + base);
                }
                continue;
            }
            for (String locale : LOCALES) {
                Properties translated = bundles.get(name + "_" + locale);
                if (translated == null) {
                    problems.add(name + ": no " + locale + " bundle");
                    continue;
                }
                Set<String> english = keys(bundle.getValue());
                Set<String> other = keys(translated);
                for (String key : english) {
                    if (!other.contains(key)) {
                        problems.add(name + "_" + locale + ": missing " + key);
                    }
                }
                for (String key : other) {
                    if (!english.contains(key)) {
                        problems.add(name + ": missing " + key + " (only in " + locale + ")");
                    }
                }
            }
        }
        bundles.forEach((name, properties) -> properties.stringPropertyNames().stream()
                .filter(key -> properties.getProperty(key).isBlank())
                .forEach(key -> problems.add(name + ": empty value for " + key)));
        assertThat(problems).as("bundle problems").isEmpty();
    }

    private static Map<String, Properties> loadBundles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var bundles = new TreeMap<String, Properties>();
        for (String pattern : List.of("classpath*:messages*.properties", "classpath*:i18n/*.properties")) {
            for (Resource resource : resolver.getResources(pattern)) {
                String file = resource.getFilename();
                String name = (pattern.contains("i18n/") ? "i18n/" : "") + file.substring(0, file.length() - 11);
                var properties = new Properties();
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                bundles.put(name, properties);
            }
        }
        return bundles;
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }
}

package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulesXmlTest {

    private static XmlNode fixture(String relative) throws Exception {
        Path p = FixtureConformanceTest.FIXTURES.resolve(relative);
        assumeTrue(Files.exists(p), "fixture " + p + " not present");
        return XmlNode.parse(Files.readAllBytes(p));
    }

    @Test
    void writesTheExactDocumentWeExpect() {
        byte[] xml = ModulesXml.write(List.of(
                Document.fromUrl("https://a.example/x.pdf?a=1&b=2", "Slides \"1\" <draft>.pdf").withCurrent(true),
                Document.fromBytes("b.txt", "hi".getBytes(StandardCharsets.US_ASCII)).withRemovable(false)), null);
        assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><modules><module name=\"presentation\">"
                        + "<document url=\"https://a.example/x.pdf?a=1&amp;b=2\" filename=\"Slides &quot;1&quot; &lt;draft&gt;.pdf\""
                        + " current=\"true\"/><document name=\"b.txt\" removable=\"false\">aGk=</document></module></modules>");
    }

    @Test
    void matchesTheLittleredbuttonUrlDocuments() throws Exception {
        byte[] ours = ModulesXml.write(List.of(
                Document.fromUrl("http://localhost/foobar.png", "Foobar.png"),
                Document.fromUrl("http://localhost/foobar.pdf", "Foobar.pdf").withDownloadable(true),
                Document.fromUrl("http://localhost/foobar.svg", "Foobar.svg").withDownloadable(true)
                        .withRemovable(false)), null);
        assertThat(FixtureConformanceTest.canonical(XmlNode.parse(ours))).isEqualTo(FixtureConformanceTest
                .canonical(fixture("littleredbutton-bigbluebutton-api-php/insert_document_presentations.xml")));
    }

    @Test
    void matchesThePhpOptionsDocument() throws Exception {
        byte[] ours = ModulesXml.write(List.of(Document.fromUrl("https://demo.bigbluebutton.org/bigbluebutton.png",
                "bigbluebutton.png").withCurrent(true).withDownloadable(false).withRemovable(true)), null);
        assertThat(FixtureConformanceTest.canonical(XmlNode.parse(ours))).isEqualTo(FixtureConformanceTest.canonical(
                fixture("bigbluebutton-api-php/insert_document_presentations_with_filenames_and_options.xml")));
    }

    @Test
    void clientSettingsOverrideModule() throws Exception {
        byte[] ours = ModulesXml.write(List.of(), "{ \"public\": { \"app\": { \"appName\": \"Test\" } } }");
        assertThat(new String(ours, StandardCharsets.UTF_8)).contains(
                "<module name=\"clientSettingsOverride\"><![CDATA[{ \"public\"");
        assertThat(FixtureConformanceTest.canonical(XmlNode.parse(ours))).isEqualTo(FixtureConformanceTest
                .canonical(fixture("littleredbutton-bigbluebutton-api-php/client_settings.xml")));
        // A CDATA terminator inside the JSON must not break the document.
        byte[] tricky = ModulesXml.write(List.of(), "{\"a\":\"]]>\"}");
        assertThat(XmlNode.parse(tricky).child("module").orElseThrow().text()).isEqualTo("{\"a\":\"]]>\"}");
    }
}

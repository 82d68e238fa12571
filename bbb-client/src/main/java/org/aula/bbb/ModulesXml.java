package org.aula.bbb;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the {@code <modules>} request body of create and insertDocument (reference §5.1, §5.7). */
final class ModulesXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private ModulesXml() {
    }

    static byte[] write(List<Document> documents, String clientSettingsOverride) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w;
            // StAX does not promise thread-safe factories; creation is cheap, so serialise just that.
            synchronized (FACTORY) {
                w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            }
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("modules");
            if (!documents.isEmpty()) {
                w.writeStartElement("module");
                w.writeAttribute("name", "presentation");
                for (Document d : documents) {
                    writeDocument(w, d);
                }
                w.writeEndElement();
            }
            if (clientSettingsOverride != null) {
                w.writeStartElement("module");
                w.writeAttribute("name", "clientSettingsOverride");
                if (clientSettingsOverride.contains("]]>")) {
                    w.writeCharacters(clientSettingsOverride);
                } else {
                    // CDATA keeps the JSON readable in request logs and matches what BBB's docs show.
                    w.writeCData(clientSettingsOverride);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write modules XML", e);
        }
        return out.toByteArray();
    }

    private static void writeDocument(XMLStreamWriter w, Document d) throws XMLStreamException {
        if (d.isInline()) {
            w.writeStartElement("document");
        } else {
            w.writeEmptyElement("document");
            w.writeAttribute("url", d.url().orElseThrow());
        }
        if (d.name().isPresent()) {
            // bbb-web reads the display name from 'filename' for URL documents and 'name' for inline ones.
            w.writeAttribute(d.isInline() ? "name" : "filename", d.name().get());
        }
        if (d.current().isPresent()) {
            w.writeAttribute("current", d.current().get().toString());
        }
        if (d.downloadable().isPresent()) {
            w.writeAttribute("downloadable", d.downloadable().get().toString());
        }
        if (d.removable().isPresent()) {
            w.writeAttribute("removable", d.removable().get().toString());
        }
        if (d.isInline()) {
            w.writeCharacters(d.base64());
            w.writeEndElement();
        }
    }
}

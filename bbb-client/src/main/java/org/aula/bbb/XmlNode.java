package org.aula.bbb;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal read-only element tree built with StAX.
 *
 * <p>BBB answers are small and their element order varies between versions and implementations, so
 * reading into a tree and then looking children up by name is simpler and more tolerant than a
 * streaming state machine: unknown elements are simply never asked for. Text is the concatenation of
 * character data and CDATA, stripped of surrounding whitespace (pretty-printed fixtures indent CDATA).
 */
final class XmlNode {

    private static final XMLInputFactory FACTORY = newFactory();
    private static final int MAX_DEPTH = 32;

    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        // A BBB answer never needs a DTD; refusing DTDs and external entities closes XXE and
        // entity-expansion attacks from anything impersonating the server.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    /**
     * Parses a whole document.
     *
     * @throws XmlFormatException if the body is not well-formed, contains a DTD, or is truncated
     */
    static XmlNode parse(byte[] body) {
        XMLStreamReader r = null;
        try {
            // StAX does not promise thread-safe factories; creation is cheap, so serialise just that.
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            }
            XmlNode root = null;
            List<XmlNode> stack = new ArrayList<>();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XmlFormatException("contains a DTD, which is refused");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XmlFormatException("references the undeclared entity '" + r.getLocalName() + "'");
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        XmlNode node = new XmlNode(r.getLocalName(), attrs);
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.getLast().children.add(node);
                        }
                        stack.add(node);
                        if (stack.size() > MAX_DEPTH) {
                            throw new XmlFormatException("is nested deeper than " + MAX_DEPTH + " levels");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.removeLast();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.getLast().text.append(r.getText());
                        }
                    }
                    default -> {
                        // comments, processing instructions, the XML declaration: irrelevant
                    }
                }
            }
            if (root == null) {
                throw new XmlFormatException("has no root element");
            }
            if (!stack.isEmpty()) {
                throw new XmlFormatException("ends before </" + stack.getLast().name + ">");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new XmlFormatException("is not well-formed XML (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for an in-memory stream
                }
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    String name() {
        return name;
    }

    String text() {
        return text.toString().strip();
    }

    String attribute(String attr) {
        return attributes.getOrDefault(attr, "");
    }

    List<XmlNode> children() {
        return children;
    }

    Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Text of a child element; "" if it is absent. */
    String string(String childName) {
        return child(childName).map(XmlNode::text).orElse("");
    }

    boolean bool(String childName) {
        // Boolean.parseBoolean mirrors how bbb-web itself reads booleans.
        return Boolean.parseBoolean(string(childName));
    }

    /**
     * A numeric child, 0 if absent or not an integer. Lenient on purpose, like bbb-web's own number
     * parsing: old servers sent dates as text in {@code startTime}, and one odd field should not make
     * a whole meeting list unreadable.
     */
    long number(String childName) {
        String s = string(childName);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int integer(String childName) {
        long n = number(childName);
        return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? 0 : (int) n;
    }

    /** Child elements as name -> text, e.g. {@code <metadata>}; later duplicates win. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (XmlNode c : children) {
            map.put(c.name, c.text());
        }
        return map;
    }

    /** The body is not a usable XML document. */
    static final class XmlFormatException extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        XmlFormatException(String message) {
            super(message);
        }

        XmlFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

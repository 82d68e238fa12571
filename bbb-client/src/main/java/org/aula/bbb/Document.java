package org.aula.bbb;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A presentation for {@code create} or {@code insertDocument}: either a URL BBB downloads itself,
 * or the file's bytes sent inline as base64.
 *
 * <p>The flags are tri-state: unset means "leave it to the server", whose code defaults are
 * {@code downloadable=false}, {@code removable=true} (the docs say the opposite, see reference §5.1).
 * Instances are immutable; the {@code with...} methods return copies.
 */
public final class Document {

    private final String url;
    private final String name;
    private final byte[] content;
    private final Boolean current;
    private final Boolean downloadable;
    private final Boolean removable;

    private Document(String url, String name, byte[] content, Boolean current, Boolean downloadable,
            Boolean removable) {
        this.url = url;
        this.name = name;
        this.content = content;
        this.current = current;
        this.downloadable = downloadable;
        this.removable = removable;
    }

    /** A document BBB fetches from {@code url}; the file name is taken from the URL. */
    public static Document fromUrl(String url) {
        return new Document(requireText(url, "url"), null, null, null, null, null);
    }

    /** A document BBB fetches from {@code url}, shown under {@code filename}. */
    public static Document fromUrl(String url, String filename) {
        return new Document(requireText(url, "url"), requireText(filename, "filename"), null, null, null, null);
    }

    /** An inline document; the bytes count against bbb-web's request size limit (about 2 MB). */
    public static Document fromBytes(String name, byte[] content) {
        Objects.requireNonNull(content, "content");
        return new Document(null, requireText(name, "name"), content.clone(), null, null, null);
    }

    public Document withCurrent(boolean current) {
        return new Document(url, name, content, current, downloadable, removable);
    }

    public Document withDownloadable(boolean downloadable) {
        return new Document(url, name, content, current, downloadable, removable);
    }

    public Document withRemovable(boolean removable) {
        return new Document(url, name, content, current, downloadable, removable);
    }

    /** The URL, empty for inline documents. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** {@code filename} for URL documents, {@code name} for inline ones; empty if not given. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** A copy of the inline bytes, empty for URL documents. */
    public Optional<byte[]> content() {
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    public boolean isInline() {
        return content != null;
    }

    public Optional<Boolean> current() {
        return Optional.ofNullable(current);
    }

    public Optional<Boolean> downloadable() {
        return Optional.ofNullable(downloadable);
    }

    public Optional<Boolean> removable() {
        return Optional.ofNullable(removable);
    }

    String base64() {
        return Base64.getEncoder().encodeToString(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document d && Objects.equals(url, d.url) && Objects.equals(name, d.name)
                && Arrays.equals(content, d.content) && Objects.equals(current, d.current)
                && Objects.equals(downloadable, d.downloadable) && Objects.equals(removable, d.removable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, name, Arrays.hashCode(content), current, downloadable, removable);
    }

    @Override
    public String toString() {
        return "Document[" + (url != null ? "url=" + url : "inline, " + content.length + " bytes")
                + (name != null ? ", name=" + name : "")
                + (current != null ? ", current=" + current : "")
                + (downloadable != null ? ", downloadable=" + downloadable : "")
                + (removable != null ? ", removable=" + removable : "") + "]";
    }

    private static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return s;
    }
}

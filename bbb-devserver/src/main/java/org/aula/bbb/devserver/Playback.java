package org.aula.bbb.devserver;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;

import org.aula.bbb.devserver.Model.Recording;
import org.aula.bbb.devserver.client.ClientPage;

/** Playback page {@code /playback/presentation/2.3/<recordID>} and generated preview thumbnails. */
final class Playback {
    private Playback() {
    }

    private static volatile byte[] thumb;

    static DevResponse handle(DevServer s, DevRequest req, String path, String base) {
        String prefix = "/playback/presentation/2.3/";
        if (!path.startsWith(prefix)) {
            return DevServer.notFound(path);
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String recordId = slash < 0 ? rest : rest.substring(0, slash);
        Recording r = s.recordings.get(recordId);
        if (r == null || !(r.state.equals("published"))) {
            return DevServer.notFound(path);
        }
        if (slash < 0 || rest.substring(slash).equals("/")) {
            return DevResponse.html(200, ClientPage.playbackPage(r.name, r.recordId, r.startTime, r.endTime, r.participants));
        }
        if (rest.substring(slash).matches("/thumbnails/thumb-\\d+\\.png")) {
            return DevResponse.bytes("image/png", thumbnail());
        }
        return DevServer.notFound(path);
    }

    static byte[] thumbnail() {
        byte[] t = thumb;
        if (t == null) {
            try {
                BufferedImage img = new BufferedImage(176, 136, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(0x1b, 0x2a, 0x3a));
                g.fillRect(0, 0, 176, 136);
                g.setColor(new Color(0x4e, 0x9a, 0xf1));
                g.fillRect(16, 16, 144, 104);
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                t = out.toByteArray();
            } catch (Exception | Error e) {
                // headless problems: fall back to a 1x1 transparent PNG
                t = java.util.Base64.getDecoder().decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
            }
            thumb = t;
        }
        return t;
    }
}

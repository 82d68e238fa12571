package org.aula.bbb.devserver.servlet;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.aula.bbb.devserver.DevRequest;
import org.aula.bbb.devserver.DevResponse;
import org.aula.bbb.devserver.DevServer;

/**
 * Servlet adapter. Register under a path of its own, e.g. {@code /devbbb/*}. It reads the RAW query string
 * ({@link HttpServletRequest#getQueryString()}) and the raw body from the input stream, and never calls
 * {@code getParameter}, so the container does not consume form bodies first.
 * <p>Either pass a {@link DevServer} (the embedding app owns its lifecycle), or use the no-arg constructor with init
 * parameters {@code secret}, {@code algorithms}, {@code publicUrl}, {@code timeScale}, {@code joinConnectsUser}.
 */
public class DevServerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient DevServer server;
    private transient boolean owned;

    public DevServerServlet() {
    }

    public DevServerServlet(DevServer server) {
        this.server = server;
    }

    public DevServer server() {
        return server;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (server == null) {
            String secret = config.getInitParameter("secret");
            if (secret == null) {
                throw new ServletException("init parameter 'secret' is required");
            }
            DevServer.Options.Builder b = DevServer.Options.builder(secret);
            String alg = config.getInitParameter("algorithms");
            if (alg != null) {
                b.algorithms(alg.split(","));
            }
            b.publicBaseUrl(config.getInitParameter("publicUrl"));
            String ts = config.getInitParameter("timeScale");
            if (ts != null) {
                b.timeScale(Double.parseDouble(ts));
            }
            b.joinConnectsUser(Boolean.parseBoolean(config.getInitParameter("joinConnectsUser")));
            server = new DevServer(b.build());
            owned = true;
        }
    }

    @Override
    public void destroy() {
        if (owned && server != null) {
            server.close();
        }
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int max = server.options().maxBodyBytes();
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        Map<String, String> headers = new HashMap<>();
        Enumeration<String> names = req.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String n = names.nextElement();
            headers.put(n, req.getHeader(n));
        }
        String mount = req.getContextPath() + req.getServletPath();
        String uri = req.getRequestURI();
        String path = uri.startsWith(mount) ? uri.substring(mount.length()) : uri;
        StringBuilder base = new StringBuilder();
        base.append(req.getScheme()).append("://").append(req.getServerName());
        int port = req.getServerPort();
        if (!(req.getScheme().equals("http") && port == 80) && !(req.getScheme().equals("https") && port == 443)) {
            base.append(':').append(port);
        }
        base.append(mount);
        DevRequest dreq = new DevRequest(req.getMethod(), path, req.getQueryString(), headers, body, req.getRemoteAddr(),
                base.toString());
        DevResponse dres = server.handle(dreq);
        if (dres.abort()) {
            // Approximate a connection reset: promise a body, send part of it, and close the connection.
            resp.setStatus(200);
            resp.setHeader("Connection", "close");
            resp.setContentType("text/xml;charset=utf-8");
            resp.setContentLength(4096);
            OutputStream out = resp.getOutputStream();
            out.write("<response><retur".getBytes());
            out.flush();
            throw new IOException("devserver fault injection: connection aborted");
        }
        resp.setStatus(dres.status());
        dres.headers().forEach(resp::setHeader);
        if (dres.status() == 302) {
            resp.setHeader("Location", dres.header("Location"));
        }
        if (dres.body().length > 0 && !req.getMethod().equals("HEAD")) {
            resp.setContentLength(dres.body().length);
            try (OutputStream out = resp.getOutputStream()) {
                out.write(dres.body());
            }
        }
    }
}

package org.aula.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}) count only when the
 * request comes from a proxy listed in {@code aula.trusted-proxies} (addresses or CIDR ranges; loopback by default,
 * for a proxy on the same machine). From anyone else they are ignored: a client cannot fake its address (login
 * throttling) or the host name. Tomcat's RemoteIpValve does the work in the connector, so the request really is
 * https when the proxy says so and every cookie, the session cookie included, gets {@code Secure}.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    static final String LOOPBACK = "127.0.0.0/8, ::1";

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesValve(
            @Value("${aula.trusted-proxies:" + LOOPBACK + "}") String proxies) {
        return factory -> factory.addEngineValves(valve(proxies));
    }

    static RemoteIpValve valve(String proxies) {
        var valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setProxiesHeader("X-Forwarded-By");
        // Tomcat reads the list as CIDR ranges when it contains a '/'; an empty list trusts nobody.
        String cidrs = Arrays.stream(proxies.split(","))
                .map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.contains("/") ? p : p + (p.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(","));
        valve.setInternalProxies(cidrs.isEmpty() ? null : cidrs);
        valve.setTrustedProxies(null);
        return valve;
    }
}

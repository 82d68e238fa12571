package org.aula.web;

import org.aula.user.SignedInUserRefresh;
import org.aula.user.UserRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserRepository users, LoginThrottling throttling)
            throws Exception {
        // Account changes (role, disabled, deleted) count on the user's next request.
        http.addFilterAfter(new SignedInUserRefresh(users), SecurityContextHolderFilter.class);
        // Password guessing: locked names and addresses get no password check at all.
        http.addFilterBefore(throttling.filter(), UsernamePasswordAuthenticationFilter.class);
        var afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();
        afterLogin.setDefaultTargetUrl("/");
        afterLogin.setRequestCache(savedRequests());
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // Server-to-server callbacks authenticate with their own tokens / signatures.
                        .requestMatchers("/callbacks/**").permitAll()
                        // The built-in development BBB server authenticates its API calls by checksum.
                        .requestMatchers("/devbbb/**").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/callbacks/**", "/devbbb/**"))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler(throttling.failureHandler())
                        .successHandler((request, response, authentication) -> {
                            throttling.succeeded(request);
                            afterLogin.onAuthenticationSuccess(request, response, authentication);
                        }))
                // Back to the page asked for, without Spring Security's "?continue" marker in the address.
                .requestCache(cache -> cache.requestCache(savedRequests()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        // img-src https: for recording thumbnails, served by the BBB server (another host).
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'self'; form-action 'self' http: https:"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static org.springframework.security.web.savedrequest.HttpSessionRequestCache savedRequests() {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}

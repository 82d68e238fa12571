package org.aula.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode there is no default password: a fresh install gets its first admin only from
 * AULA_ADMIN_PASSWORD (aula.admin.initial-password), so nobody can sign in with a guessable password.
 */
@Component
@ConditionalOnProperty(name = "aula.demo.enabled", havingValue = "false", matchIfMissing = true)
class InitialAdminAccount implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdminAccount.class);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final String initialPassword;

    InitialAdminAccount(UserRepository users, PasswordEncoder passwordEncoder,
                        @Value("${aula.admin.initial-password:}") String initialPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.initialPassword = initialPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.countAdmins() > 0) {
            return;
        }
        if (initialPassword == null || initialPassword.isBlank()) {
            log.warn("""
                    No administrator account exists yet. To create one, set the environment variable \
                    AULA_ADMIN_PASSWORD (or the property aula.admin.initial-password) to a strong password and \
                    restart: the account '{}' is then created with it. Remove the variable afterwards.""", USERNAME);
            return;
        }
        if (users.findByUsername(USERNAME).isPresent()) {
            log.warn("No administrator exists, but a non-admin account named '{}' does; not changing it. "
                    + "Make an account admin in the database (app_user.admin = true).", USERNAME);
            return;
        }
        users.create(USERNAME, passwordEncoder.encode(initialPassword), "Administrator", null, true);
        log.warn("Created the administrator account '{}' with the password from AULA_ADMIN_PASSWORD. "
                + "Remove the variable now that the account exists.", USERNAME);
    }
}

package org.aula.user;

/**
 * A person known to Aula: a local account, or (later) an identity from an LMS launch (issuer + subject).
 */
public record AppUser(
        long id,
        String username,
        String fullName,
        String email,
        String locale,
        boolean admin,
        boolean enabled,
        String externalIssuer,
        String externalSubject) {

    public boolean isExternal() {
        return externalIssuer != null;
    }
}

package org.aula.bbb;

/** Role passed to {@code join}; since BBB 2.4 it takes precedence over the deprecated passwords. */
public enum Role {
    MODERATOR,
    VIEWER
}

package org.aula.bbb;

/** Values of the {@code guestPolicy} create parameter. */
public enum GuestPolicy {
    ALWAYS_ACCEPT,
    ALWAYS_DENY,
    ASK_MODERATOR,
    /** Accept authenticated users, ask for guests. */
    ALWAYS_ACCEPT_AUTH
}

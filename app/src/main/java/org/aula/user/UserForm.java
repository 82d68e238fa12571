package org.aula.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin edits of an account. The password is only set when creating (optional: without one the account
 * cannot sign in) or with the separate "set password" form.
 */
record UserForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = UserForm.USERNAME_PATTERN)
        String username,
        @NotBlank @Size(max = 200) String fullName,
        @Email @Size(max = 200) String email,
        Boolean admin,
        Boolean enabled,
        @Size(max = 72) String password) {

    /** An unticked checkbox sends nothing at all (without the form's field markers): that means false. */
    UserForm {
        admin = admin != null && admin;
        enabled = enabled != null && enabled;
    }

    /** Letters, digits and . _ @ - : safe in URLs, CSV files and BBB user ids (emptiness is @NotBlank's to report). */
    static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]*";

    static UserForm empty() {
        return new UserForm("", "", "", false, true, "");
    }

    static UserForm of(AppUser user) {
        return new UserForm(user.username(), user.fullName(), user.email(), user.admin(), user.enabled(), "");
    }

    String normalizedEmail() {
        return email == null || email.isBlank() ? null : email.strip();
    }
}

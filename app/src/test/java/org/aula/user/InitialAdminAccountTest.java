package org.aula.user;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Outside demo mode: no default password, the first admin only from AULA_ADMIN_PASSWORD. */
class InitialAdminAccountTest {

    final UserRepository users = mock(UserRepository.class);
    final PasswordEncoder encoder = mock(PasswordEncoder.class);

    @Test
    void createsTheFirstAdminFromTheConfiguredPasswordOnly() {
        when(users.countAdmins()).thenReturn(0);
        when(users.findByUsername("admin")).thenReturn(Optional.empty());
        when(encoder.encode("Str0ng-initial")).thenReturn("{hash}");
        new InitialAdminAccount(users, encoder, "Str0ng-initial").afterSingletonsInstantiated();
        verify(users).create(eq("admin"), eq("{hash}"), anyString(), isNull(), eq(true));
    }

    @Test
    void withoutAConfiguredPasswordNoAccountIsCreated() {
        when(users.countAdmins()).thenReturn(0);
        new InitialAdminAccount(users, encoder, "").afterSingletonsInstantiated();
        verify(users, never()).create(any(), any(), any(), any(), anyBoolean());
    }

    @Test
    void anExistingAdminIsLeftAlone() {
        when(users.countAdmins()).thenReturn(1);
        new InitialAdminAccount(users, encoder, "Str0ng-initial").afterSingletonsInstantiated();
        verify(users, never()).create(any(), any(), any(), any(), anyBoolean());
    }
}

package org.aula.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AulaUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AulaUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findLogin(username).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}

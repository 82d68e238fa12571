package org.aula;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        // org.aula.bbb (client) and org.aula.bbb.devserver are libraries from their own Maven modules, not
        // application modules: Maven already keeps them apart, and the app may use their whole public API
        // (the demo mode mounts the devserver's servlet).
        ApplicationModules.of(AulaApplication.class, JavaClass.Predicates.resideInAPackage("org.aula.bbb.."))
                .verify();
    }
}

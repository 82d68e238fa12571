package org.aula.conference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records application events from every thread (Spring's ApplicationEvents only sees the test's own thread, while
 * meetings start and end on server threads). Registered once on the shared context, so the context stays shared.
 */
final class PublishedEvents {

    private static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
    private static volatile ConfigurableApplicationContext registeredOn;

    private PublishedEvents() {
    }

    static synchronized void listenTo(ConfigurableApplicationContext context) {
        if (registeredOn != context) {
            context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> EVENTS.add(e.getPayload()));
            registeredOn = context;
        }
    }

    static <T> Stream<T> of(Class<T> type) {
        return EVENTS.stream().filter(type::isInstance).map(type::cast);
    }
}

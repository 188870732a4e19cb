package org.raccord.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The application's one meter registry, in Prometheus format: every package records into it
 * through Micrometer's {@link MeterRegistry}, and {@link MetricsServlet} exposes it. Liberty's
 * mpMetrics is not used: resilience4j publishes its meters through Micrometer, and one registry
 * keeps the console and Prometheus reading the same numbers.
 */
@ApplicationScoped
public class Telemetry {

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gc = new JvmGcMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    @Produces
    @Singleton
    MeterRegistry meters() {
        return registry;
    }

    PrometheusMeterRegistry prometheus() {
        return registry;
    }

    @PreDestroy
    void close() {
        gc.close();
        registry.close();
    }
}

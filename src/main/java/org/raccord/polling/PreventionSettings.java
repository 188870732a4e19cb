package org.raccord.polling;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.cluster.SharedSettings;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionRules;

/**
 * The breach prevention policy: its mode from configuration ({@code raccord.prevention.mode}:
 * {@code off}, {@code propose}, {@code automatic}), unless operations changed it on the console,
 * which holds on every instance and across restarts (a cluster setting).
 */
@ApplicationScoped
public class PreventionSettings {

    static final String MODE = "prevention.mode";

    @Inject
    @ConfigProperty(name = "raccord.prevention.mode", defaultValue = "propose")
    String configuredMode;

    /** The owner's minimum notice before a cut (its rule; the simulator's is 12 hours). */
    @Inject
    @ConfigProperty(name = "raccord.prevention.minimumNoticeHours", defaultValue = "12")
    long minimumNoticeHours;

    /** Requests per line: the first, then one per slip of the delivery date (the owner moves a cut twice at most). */
    @Inject
    @ConfigProperty(name = "raccord.prevention.maximumRequests", defaultValue = "3")
    int maximumRequests;

    @Inject
    SharedSettings settings;

    public PreventionPolicy policy() {
        PreventionPolicy.Mode mode = settings.get(MODE).map(PreventionPolicy.Mode::parse)
                .orElseGet(() -> PreventionPolicy.Mode.parse(configuredMode));
        return new PreventionPolicy(mode, Duration.ofHours(minimumNoticeHours), maximumRequests);
    }

    public PreventionRules rules() {
        return new PreventionRules(policy());
    }

    /** Operations' choice of mode for the whole cluster. */
    public void mode(PreventionPolicy.Mode mode) {
        settings.put(MODE, mode.code());
    }
}

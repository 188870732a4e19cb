package org.raccord.admin;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.heartbeat.Heartbeat;
import org.raccord.notification.NotificationSchedule;
import org.raccord.polling.PollingSchedule;

/** The scheduled loops that run (a disabled one has no heartbeat), as health, metrics and the console read them. */
@ApplicationScoped
public class Loops {

    /** Every loop there is, running or not. */
    public static final List<String> NAMES = List.of(PollingSchedule.LOOP, NotificationSchedule.LOOP);

    @Inject
    PollingSchedule polling;

    @Inject
    NotificationSchedule notification;

    public List<Heartbeat> running() {
        return Stream.of(polling.heartbeat(), notification.heartbeat()).flatMap(Optional::stream).toList();
    }

    public List<Heartbeat.Reading> readings() {
        return running().stream().map(Heartbeat::read).toList();
    }

    /** Seconds since the loop last completed a run; NaN while it does not run (disabled). */
    public double ageSeconds(String loop) {
        return running().stream().filter(b -> b.loop().equals(loop)).mapToDouble(b -> b.read().ageSeconds())
                .findFirst().orElse(Double.NaN);
    }
}

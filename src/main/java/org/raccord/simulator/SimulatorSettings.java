package org.raccord.simulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the simulated owner is built: its population, its clock, and its starting knobs.
 *
 * @param stateDir where the simulated timeline is anchored across restarts (null: not kept)
 */
public record SimulatorSettings(
        long seed,
        int lines,
        double acceleration,
        Duration history,
        Duration future,
        Path stateDir,
        DeskSettings desk) {
}

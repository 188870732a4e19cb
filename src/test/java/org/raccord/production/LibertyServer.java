package org.raccord.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server started and stopped the way an operator does it ({@code bin/server start}), in
 * its own process, with the environment an operator would give it.
 */
record LibertyServer(Path wlp, String name, Map<String, String> environment) {

    LibertyServer start() {
        run("start");
        return this;
    }

    void stop() {
        run("stop");
    }

    /** Ends the server's process at once ({@code kill -9}): no shutdown, no goodbye to the database. */
    void kill() {
        try {
            long pid = pid();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full collection in the server's JVM now ({@code jcmd GC.run}): the heap read next is what is still live. */
    void collectGarbage() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run on " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long pid() throws IOException {
        return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).trim());
    }

    /** The server's messages.log, as it stands. */
    String messages() {
        try {
            return Files.readString(wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String action) {
        ProcessBuilder command = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, name))
                .redirectErrorStream(true)
                .redirectOutput(wlp.resolve(name + "-" + action + ".out").toFile());
        command.environment().putAll(environment);
        try {
            Process process = command.start();
            if (!process.waitFor(4, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("server " + action + " " + name + " failed: see "
                        + wlp.resolve(name + "-" + action + ".out") + " and the server's logs");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

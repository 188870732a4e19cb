package org.raccord.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small file system in memory mounted over a folder, for the full-disk case: a disk that fills
 * for real (the writer gets ENOSPC), then is given room again without unmounting (as an operator
 * grows a volume). Mounting needs root, as the campaign has on its machines.
 */
final class Tmpfs implements AutoCloseable {

    private final Path at;

    private Tmpfs(Path at) {
        this.at = at;
    }

    /** Mounts {@code mib} MiB over {@code at} (created if missing); what the folder held is hidden until closed. */
    static Tmpfs mount(Path at, int mib) throws IOException {
        Files.createDirectories(at);
        run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "raccord-full-disk", at.toString());
        return new Tmpfs(at);
    }

    /** Gives the mounted folder {@code mib} MiB in all; what it holds stays. */
    void resize(int mib) throws IOException {
        run("mount", "-o", "remount,size=" + mib + "m", at.toString());
    }

    /** Bytes free, as the file system says. */
    long free() throws IOException {
        return Files.getFileStore(at).getUsableSpace();
    }

    @Override
    public void close() throws IOException {
        run("umount", at.toString());
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (the full-disk case needs root to mount a tmpfs): "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}

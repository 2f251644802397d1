package dev.filtre.runtime.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file atomically: readers (and a crash at any moment) see either the old file whole or
 * the new one whole, never a half-written one.
 *
 * <p>The content goes to a temporary file in the same directory (so the final rename never
 * crosses file systems), is forced to the disk ({@code FileChannel.force(true)}), then renamed over
 * the target with {@code ATOMIC_MOVE}; finally the directory itself is forced where the platform
 * allows it (Linux, macOS), so the rename survives a power cut. On any failure the temporary file
 * is deleted and the target is untouched. A process killed mid-write leaves at most a stray
 * {@code .<name>.<random>.tmp} file beside the target. The new file gets the permissions any new
 * file gets (the umask's), not those of a private temporary file.
 */
public final class AtomicFiles {
    /** Writes a file's content to an open channel. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} atomically with what {@code content} writes.
     *
     * @throws IOException from the writer or the file system; the target is then unchanged
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = null;
        boolean moved = false;
        try {
            FileChannel created = null;
            while (created == null) {
                temporary = directory.resolve("." + absolute.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
                try {
                    // Not Files.createTempFile: its owner-only permissions would end up on the target.
                    created = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    temporary = null;
                }
            }
            try (FileChannel channel = created) {
                content.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(absolute + ": the file system cannot rename atomically, so the"
                        + " file was not replaced (" + e.getMessage() + ")", e);
            }
            moved = true;
            forceDirectory(directory);
        } finally {
            if (!moved && temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Makes a rename in {@code directory} durable; a no-op where directories cannot be opened. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; its rename is durable on its own.
        }
    }
}

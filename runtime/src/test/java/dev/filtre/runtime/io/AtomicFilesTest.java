package dev.filtre.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path directory;

    @Test
    void aFailingWriterLeavesTheTargetAndNoTemporaryFile() throws Exception {
        Path target = Files.write(directory.resolve("weights.bin"), new byte[] {1, 2, 3});
        IOException failure = new IOException("disk full");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {9, 9}));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        try (var files = Files.list(directory)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theNewFileHasTheUsualPermissionsOfANewFile() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path ordinary = Files.write(directory.resolve("ordinary"), new byte[1]);
        Path target = directory.resolve("atomic");

        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {5})));

        assertArrayEquals(new byte[] {5}, Files.readAllBytes(target));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
    }
}

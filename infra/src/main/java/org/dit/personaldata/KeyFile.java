package org.dit.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The master key the service generates for itself beside the embedded database when none is configured: one base64
 * key per line, the current one first, readable by the service's user alone (0600). Good for a laptop or a demo; a
 * copy of the data directory then holds both the data and its key, so production supplies its own key.
 */
final class KeyFile {

    private final Path path;

    KeyFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** The keys in the file, the current one first. */
    List<byte[]> read() {
        try {
            List<byte[]> keys = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    keys.add(MasterKeys.decode(line, "a key in " + path));
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException(path + " holds no master key");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the master key file " + path, e);
        }
    }

    /** Replaces the file's keys at once (a new file moved over the old): a crash leaves the old file or the new one. */
    void write(List<byte[]> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(Base64.getEncoder().encodeToString(key)).append('\n'));
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path next = path.resolveSibling(path.getFileName() + ".next");
            Files.deleteIfExists(next);
            createOwnerOnly(next);
            Files.writeString(next, text, StandardCharsets.US_ASCII);
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the master key file " + path, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
            Files.createFile(file);
        }
    }
}

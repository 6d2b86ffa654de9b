package org.dit.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded PostgreSQL's roles, made at random on the first start and kept in
 * {@code $DIT_DATA_DIR/database-credentials.properties}, which only the service's OS user may read or write (0600).
 * Whoever can read this file can also read the database files themselves: it adds no one to those who can get in.
 */
final class DatabaseCredentials {

    static final String FILE_NAME = "database-credentials.properties";
    /** The bootstrap superuser: only the service's own start-up uses it (roles, privileges). */
    static final String SUPERUSER = "postgres";
    /** Owns the schema and every table; Flyway runs as it. */
    static final String OWNER = "dit_owner";
    /** The running service: rows only, no superuser, owns nothing. */
    static final String APP = "dit_app";
    static final List<String> ROLES = List.of(SUPERUSER, OWNER, APP);

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Properties passwords;

    private DatabaseCredentials(Properties passwords) {
        this.passwords = passwords;
    }

    String password(String role) {
        String password = passwords.getProperty(role);
        if (password == null) {
            throw new IllegalArgumentException("no password for role " + role);
        }
        return password;
    }

    /** Reads the file, or makes it (with a new random password for each role it lacks), always leaving it 0600. */
    static DatabaseCredentials loadOrCreate(Path file) {
        try {
            Properties passwords = new Properties();
            if (Files.exists(file)) {
                keepPrivate(file);
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(in);
                }
            }
            boolean added = false;
            for (String role : ROLES) {
                if (passwords.getProperty(role, "").isBlank()) {
                    passwords.setProperty(role, randomPassword());
                    added = true;
                }
            }
            if (added) {
                write(file, passwords);
            }
            return new DatabaseCredentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the database passwords in " + file, e);
        }
    }

    /** 256 random bits, URL-safe Base64: no character that needs quoting in SQL, a URL or a properties file. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void keepPrivate(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
            log.warn("{} could be read by others ({}): made private (0600). Anyone who read it could log in to the "
                            + "database: delete the file while the service is stopped to have new passwords made.", file,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }

    /** Written beside the file with 0600 from its creation, then moved over it: never readable by others, never torn. */
    private static void write(Path file, Properties passwords) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(temporary);
        }
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            passwords.store(out, " Passwords of the embedded PostgreSQL's roles (docs/database-roles.md). Keep private.");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.probstab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), setting permissions with {@code java.nio} instead of forking
 * {@code chmod}. Without the native libhadoop (Maven-resolved Spark has none), {@link RawLocalFileSystem} starts a
 * {@code chmod} process for every file and directory Spark's Parquet writer creates; profiling a sweep of cheap
 * exact cells found those forks in about a sixth of the executor samples. Only plain rwx bits are handled here;
 * anything else (sticky bit, non-POSIX file systems) falls back to Hadoop's own code. {@link Sessions} installs
 * it for local masters ({@code spark.hadoop.fs.file.impl}).
 */
public final class NioLocalFileSystem extends LocalFileSystem {

    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }

    /** The raw (checksum-free) layer with the java.nio permission setter. */
    static final class NioRawLocalFileSystem extends RawLocalFileSystem {

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            String bits = permission.toString();
            if (bits.length() != 9 || permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(bits));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                super.setPermission(p, permission);
            }
        }
    }
}

package org.probstab.spark;

import static org.probstab.config.InvalidInputException.oneLine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probstab.config.InvalidInputException;

/**
 * The output directory of a sweep, through the Hadoop client (local files, HDFS, S3A):
 *
 * <pre>
 *   OUT/_manifest.json                              what was run (DESIGN §4)
 *   OUT/sweep_id=ID/chunk=K/part-K.snappy.parquet   complete chunks only
 *   OUT/_staging/wave-W/attempt-A/chunk=K/…         what task attempt A wrote while wave W runs
 * </pre>
 *
 * Each task attempt of a wave writes its chunks under a directory of its own in {@code _staging}; after the job
 * succeeds, the driver renames the chunk directories of the attempts Spark reports as successful into place (a
 * directory rename is atomic on local file systems and HDFS), so a retried or killed attempt's files never reach the
 * table. A chunk directory exists iff the chunk is complete, and {@code --resume} recomputes exactly the missing
 * ones. Names starting with {@code _} are ignored by Spark's readers, so a table can be read while it is written.
 */
public final class TableOutput {

    /** The manifest's file name. */
    public static final String MANIFEST = "_manifest.json";
    static final String STAGING = "_staging";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final FileSystem fs;
    private final Path root;

    public TableOutput(String path, Configuration hadoop) {
        try {
            Path p = new Path(path);
            this.fs = p.getFileSystem(hadoop);
            this.root = fs.makeQualified(p);
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.of("output.path", "output.path '" + path + "' cannot be opened: "
                    + oneLine(e.getMessage()));
        }
    }

    public Path root() {
        return root;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /**
     * Checks a local output path before Spark starts, so that bad input fails fast and writes nothing: it must not
     * be a file, and the nearest existing ancestor must be a directory we can create entries in (probed by
     * creating and deleting an empty temporary directory there — running as root, permission bits alone say
     * nothing). Non-local paths are checked by {@link #prepare} once the Hadoop client is up.
     */
    public static void checkLocal(String path, String key, boolean resume, boolean overwrite) {
        URI uri;
        try {
            uri = new Path(path).toUri();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(key, key + " '" + path + "' is not a valid path: " + oneLine(e.getMessage()));
        }
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return;
        }
        java.nio.file.Path p;
        try {
            p = java.nio.file.Path.of(uri.getPath()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw InvalidInputException.of(key, key + " '" + path + "' is not a valid path");
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw isAFile(key, path);
        }
        if (Files.isDirectory(p)) {
            try (java.util.stream.Stream<java.nio.file.Path> entries = Files.list(p)) {
                if (entries.findAny().isPresent()) {
                    if (!Files.exists(p.resolve(MANIFEST)) && !Files.exists(p.resolve(MANIFEST + ".tmp"))) {
                        throw notATable(key, path);
                    }
                    if (!resume && !overwrite) {
                        throw alreadyATable(key, path);
                    }
                }
            } catch (IOException e) {
                throw InvalidInputException.of(key, key + " '" + path + "' cannot be listed: "
                        + oneLine(e.getMessage()));
            }
        }
        java.nio.file.Path ancestor = p;
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw InvalidInputException.of(key, key + " '" + path + "' cannot be created: " + ancestor
                    + " is not a directory");
        }
        try {
            java.nio.file.Path probe = Files.createTempDirectory(ancestor, ".probstab-write-probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw InvalidInputException.of(key, key + " '" + path + "' is not writable: cannot create entries in "
                    + ancestor);
        }
    }

    /**
     * Decides what to do with an existing output: a new or empty directory is used; a probstab table is refused
     * unless {@code resume} (same config hash only) or {@code overwrite}; anything else is never touched.
     *
     * @return the existing manifest when resuming a table, else null
     */
    public ObjectNode prepare(String configHash, boolean resume, boolean overwrite) throws IOException {
        FileStatus status = fs.exists(root) ? fs.getFileStatus(root) : null;
        if (status == null) {
            return null;
        }
        if (!status.isDirectory()) {
            throw isAFile("output.path", root.toString());
        }
        FileStatus[] entries = fs.listStatus(root);
        if (entries.length == 0) {
            return null;
        }
        Path manifest = new Path(root, MANIFEST);
        Path pending = new Path(root, MANIFEST + ".tmp");
        if (!fs.exists(manifest) && fs.exists(pending)) {
            // A run died between deleting the old manifest and renaming the new one into place (writeManifest).
            fs.rename(pending, manifest);
        }
        if (!fs.exists(manifest)) {
            throw notATable("output.path", root.toString());
        }
        if (overwrite) {
            fs.delete(root, true);
            return null;
        }
        if (!resume) {
            throw alreadyATable("output.path", root.toString());
        }
        ObjectNode old = readManifest();
        String oldHash = old.path("config_hash").asText("");
        if (!oldHash.equals(configHash)) {
            throw InvalidInputException.of("output.path", "--resume: output.path '" + root + "' holds another"
                    + " sweep (config hash " + abbreviate(oldHash) + ", this config " + abbreviate(configHash)
                    + "): allowed the same config and overrides, or another --out");
        }
        return old;
    }

    public ObjectNode readManifest() throws IOException {
        try (InputStream in = fs.open(new Path(root, MANIFEST))) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Writes the manifest atomically (temporary file, then rename). */
    public void writeManifest(ObjectNode manifest) throws IOException {
        fs.mkdirs(root);
        Path tmp = new Path(root, MANIFEST + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            JSON.writeValue(out, manifest);
        }
        Path target = new Path(root, MANIFEST);
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    /** The chunks already complete for this sweep. */
    public Set<Long> completeChunks(String sweepId) throws IOException {
        Set<Long> done = new TreeSet<>();
        Path dir = new Path(root, "sweep_id=" + sweepId);
        if (!fs.exists(dir)) {
            return done;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.startsWith("chunk=")) {
                done.add(Long.parseLong(name.substring("chunk=".length())));
            }
        }
        return done;
    }

    /** Removes what an interrupted run left in {@code _staging}. */
    public void clearStaging() throws IOException {
        fs.delete(new Path(root, STAGING), true);
    }

    /** Where wave {@code w} is written while it runs. */
    public Path stagingFor(int wave) {
        return new Path(new Path(root, STAGING), "wave-" + wave);
    }

    /** Where task attempt {@code attempt} writes its chunks during a wave. */
    static Path attemptDir(Path staged, long attempt) {
        return new Path(staged, "attempt-" + attempt);
    }

    /** The name of a chunk's one Parquet file. */
    static String chunkFileName(long chunk) {
        return String.format(java.util.Locale.ROOT, "part-%05d.snappy.parquet", chunk);
    }

    /**
     * Moves the chunk directories of a finished wave into place, then drops the wave's staging directory.
     *
     * @param chunks  the wave's chunks
     * @param written (chunk, task attempt) for each chunk, as reported by the successful attempts
     */
    public void publish(Path staged, String sweepId, List<Long> chunks, List<long[]> written) throws IOException {
        Map<Long, Long> attemptOf = new HashMap<>();
        for (long[] w : written) {
            if (attemptOf.put(w[0], w[1]) != null) {
                throw new IOException("chunk " + w[0] + " reported twice in wave " + staged);
            }
        }
        if (!attemptOf.keySet().equals(new HashSet<>(chunks))) {
            throw new IOException("wave " + staged + " reported chunks " + new TreeSet<>(attemptOf.keySet())
                    + ", expected " + new TreeSet<>(chunks));
        }
        Path target = new Path(root, "sweep_id=" + sweepId);
        fs.mkdirs(target);
        for (long chunk : chunks) {
            Path src = new Path(attemptDir(staged, attemptOf.get(chunk)), "chunk=" + chunk);
            Path dst = new Path(target, "chunk=" + chunk);
            if (!fs.exists(src)) {
                throw new IOException("chunk " + chunk + " missing from the finished wave " + staged);
            }
            if (!fs.rename(src, dst)) {
                throw new IOException("cannot rename " + src + " to " + dst);
            }
        }
        fs.delete(staged, true);
    }

    private static InvalidInputException isAFile(String key, String path) {
        return InvalidInputException.of(key, key + " '" + path + "' is a file: allowed a directory (new or a probstab"
                + " table)");
    }

    private static InvalidInputException notATable(String key, String path) {
        return InvalidInputException.of(key, key + " '" + path + "' exists and is not a probstab table (no " + MANIFEST
                + "): allowed a new or empty directory; nothing was changed");
    }

    private static InvalidInputException alreadyATable(String key, String path) {
        return InvalidInputException.of(key, key + " '" + path + "' already holds a table: allowed --resume (finish"
                + " it) or --overwrite (replace it); nothing was changed");
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}

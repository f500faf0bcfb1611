package org.probstab.spark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reliability contract (DESIGN §8) on a real Spark standalone cluster — a master and two
 * one-core workers, separate JVMs on 127.0.0.1 — with the real sweep ({@code ProbstabCli sweep}, see
 * {@link ClusterSweep}) submitted through SparkSubmit in client mode. Every table is compared, all columns but
 * {@code elapsed_ns}, with one reference run of the same sweep on {@code local[*]}, and must have exactly one row
 * per cell. Logs of every process are kept under {@code target/cluster-tests/<time>/}.
 */
@Tag("cluster")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StandaloneClusterSweepTest {

    private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(180);

    private static Path work;
    private static ClusterSweep sweep;
    private static Path appJar;
    private static Path log4j;
    private static StandaloneCluster cluster;
    private static List<String> reference;
    private static final List<JvmProcess> drivers = new ArrayList<>();

    @BeforeAll
    static void startClusterAndRunReference() throws Exception {
        work = Path.of("target", "cluster-tests",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(work);
        sweep = ClusterSweep.write(work);
        appJar = AppJar.prebuiltOrBuild(work.resolve("probstab-app.jar"));
        log4j = Path.of(System.getProperty("basedir", "."), "..", "conf", "log4j2.properties").normalize();
        // The reference run and the cluster's start overlap: both are mostly JVM start-up.
        String out = work.resolve("reference").toString();
        JvmProcess driver = submit(SparkHome.create(work.resolve("cluster/spark-home")), "reference", "local[*]",
                sweep.args(out, false));
        cluster = StandaloneCluster.start(work.resolve("cluster"), 2);
        awaitSuccess(driver);
        reference = PhaseTables.canonicalRows(out);
        assertThat(reference).as("reference table rows").hasSize((int) sweep.cellCount());
    }

    @AfterEach
    void stopDrivers() {
        synchronized (drivers) {
            drivers.forEach(JvmProcess::close);
            drivers.clear();
        }
    }

    @AfterAll
    static void stopCluster() {
        synchronized (drivers) {
            drivers.forEach(JvmProcess::close);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSweepOnTheClusterWritesTheSameTableAsOnLocalSpark() throws Exception {
        String out = work.resolve("on-cluster").toString();
        awaitSuccess(submit("on-cluster", cluster.masterUrl(), sweep.args(out, false)));
        assertSameAsReference(out);
        assertThat(PhaseTables.manifest(out).json().path("master").asText()).as("master in the manifest")
                .isEqualTo(cluster.masterUrl());
    }

    @Test
    void aKilledExecutorIsReplacedAndTheTableIsUnchanged() throws Exception {
        Path out = work.resolve("executor-killed");
        JvmProcess driver = submit("executor-killed", cluster.masterUrl(), sweep.args(out.toString(), false));
        // The victim is picked and killed in one step: an executor seen running a task, once some task has
        // committed (so the sweep is under way, not starting).
        AtomicReference<StandaloneCluster.Executor> killed = new AtomicReference<>();
        await("a committed task and a busy executor", driver, () -> PhaseTables.committedDataFiles(out) > 0
                && busyExecutor().map(e -> {
                    e.process().destroyForcibly();
                    killed.set(e);
                    return true;
                }).orElse(false));
        StandaloneCluster.Executor victim = killed.get();
        assertThat(driver.isAlive()).as("sweep still running when the executor was killed").isTrue();
        assertThat(victim.process().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

        awaitSuccess(driver);
        String log = driver.logText();
        assertThat(log).as("driver log of " + driver + " reports the executor lost")
                .contains("Lost executor " + victim.executorId());
        assertThat(log).as("driver log reports the killed executor's task lost").contains("ExecutorLostFailure");
        assertSameAsReference(out.toString());
    }

    @Test
    void aKilledDriverIsFinishedByResume() throws Exception {
        Path out = work.resolve("driver-killed");
        JvmProcess driver = submit("driver-killed", cluster.masterUrl(), sweep.args(out.toString(), false));
        await("a chunk of the sweep committed to its final place", driver,
                () -> PhaseTables.finalDataFiles(out) > 0);
        assertThat(driver.isAlive()).as("sweep still running when the driver is killed").isTrue();
        driver.killForcibly();
        // A chunk directory is renamed into place only once complete, so whatever is in its final place now
        // belongs to a finished chunk: the resume must keep it as it is and compute only the others.
        Map<Path, String> committedAtKill = finalFiles(out);
        long chunksAtKill = committedAtKill.keySet().stream().map(Path::getParent).distinct().count();
        assertThat(PhaseTables.manifest(out.toString()).status()).as("manifest of the killed run")
                .isEqualTo("running");
        long rowsBeforeResume = PhaseTables.read(out.toString()).size();
        assertThat(rowsBeforeResume).as("rows written before the driver was killed (mid-sweep)")
                .isPositive().isLessThan(sweep.cellCount());
        cluster.await("the master to drop the killed driver's application", Duration.ofSeconds(60),
                () -> cluster.masterState().map(s -> s.path("activeapps").isEmpty()).orElse(false)
                        && cluster.executors().isEmpty());

        JvmProcess resumed = submit("driver-resumed", cluster.masterUrl(), sweep.args(out.toString(), true));
        awaitSuccess(resumed);
        assertSameAsReference(out.toString());
        assertThat(PhaseTables.manifest(out.toString()).runs()).as("runs in the manifest").isEqualTo(2);
        long missing = sweep.chunkCount() - chunksAtKill;
        assertThat(resumed.logText()).as("the resume computes only the %d missing chunks", missing)
                .contains(" (" + missing + " chunks) in");
        assertThat(finalFiles(out)).as("chunks complete at the kill are kept, not recomputed")
                .containsAllEntriesOf(committedAtKill);
    }

    @Test
    void aSweepOnTheClusterWritesToHdfs() throws Exception {
        try (MiniHdfs hdfs = MiniHdfs.start(work.resolve("hdfs"))) {
            String out = hdfs.uri() + "/sweeps/on-hdfs";
            awaitSuccess(submit("to-hdfs", cluster.masterUrl(), sweep.args(out, false)));
            assertSameAsReference(out);
        }
    }

    // --- helpers

    private static JvmProcess submit(String name, String master, List<String> args) throws IOException {
        return submit(cluster.sparkHome(), name, master, args);
    }

    private static JvmProcess submit(SparkHome home, String name, String master, List<String> args)
            throws IOException {
        JvmProcess driver = SparkSubmitProcess.builder(home)
                .name(name).master(master).mainClass(sweep.mainClass()).appJar(appJar).args(args)
                .log4jConfig(log4j).log(work.resolve("logs/" + name + ".log")).start();
        synchronized (drivers) {
            drivers.add(driver);
        }
        return driver;
    }

    private static void awaitSuccess(JvmProcess driver) throws Exception {
        int code = driver.waitFor(SWEEP_TIMEOUT);
        assertThat(code).as("exit code of %s; log tail:%n%s%n%s", driver, driver.logTail(60),
                cluster == null ? "" : cluster.diagnostics()).isZero();
    }

    private static void await(String what, JvmProcess driver, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + SWEEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!driver.isAlive()) {
                throw new AssertionError("the sweep ended (exit " + driver.waitFor(Duration.ZERO)
                        + ") before " + what + " was seen; make the sweep slower. Log tail:\n" + driver.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + driver.logTail(40));
            }
            Thread.sleep(100);
        }
    }

    /** An executor now running a task: its log has more "Running task" than finished or failed tasks. */
    private static Optional<StandaloneCluster.Executor> busyExecutor() {
        for (StandaloneCluster.Executor e : cluster.executors()) {
            Path stderr = cluster.dir().resolve("work").resolve(e.worker()).resolve(e.appId())
                    .resolve(e.executorId()).resolve("stderr");
            try {
                String log = Files.readString(stderr);
                long running = count(log, "Running task ");
                long ended = count(log, "Finished task ") + count(log, "Exception in task ");
                if (running > ended) {
                    return Optional.of(e);
                }
            } catch (IOException notYet) {
                // no log yet: not busy
            }
        }
        return Optional.empty();
    }

    private static long count(String text, String word) {
        long n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static void assertSameAsReference(String out) {
        PhaseTables.Manifest manifest = PhaseTables.manifest(out);
        assertThat(manifest.status()).as("status in the manifest of " + out).isEqualTo("complete");
        assertThat(manifest.stagingLeft()).as("_staging left in " + out).isFalse();
        long[] rowsAndCells = PhaseTables.rowsAndDistinctCells(out);
        assertThat(rowsAndCells[0]).as("rows of " + out).isEqualTo(sweep.cellCount());
        assertThat(rowsAndCells[1]).as("distinct (sweep_id, cell_id) of " + out).isEqualTo(sweep.cellCount());
        assertThat(PhaseTables.canonicalRows(out)).as("table " + out + " against the local[2] reference")
                .containsExactlyElementsOf(reference);
    }

    /** Final data files (relative path → size and modification time). */
    private static Map<Path, String> finalFiles(Path out) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path relative = out.relativize(p);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith("_") || part.toString().startsWith(".");
                }
                if (!hidden && p.getFileName().toString().startsWith("part-")) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    files.put(relative, a.size() + " bytes, modified " + a.lastModifiedTime());
                }
            }
        }
        return files;
    }
}

package org.probstab.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: one Master and {@code n} Workers ({@code --cores 1
 * --memory 1g} each), every one a separate JVM started from a {@link SparkHome} built from the Maven-resolved
 * jars (DESIGN §9). Ports are free ports picked at start; readiness is read from the master's JSON status page
 * ({@code /json/}). {@link #close()} kills the daemons and every executor they started.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2)) {
 *     SparkSubmitProcess.builder(cluster.sparkHome()).master(cluster.masterUrl()) ... .start();
 * }
 * }</pre>
 */
public final class StandaloneCluster implements AutoCloseable {

    /** Executors of a standalone worker run this main class. */
    static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final SparkHome sparkHome;
    private final String tag;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JvmProcess master;
    private final List<JvmProcess> workers = new ArrayList<>();
    private int masterPort;
    private int masterWebPort;

    private StandaloneCluster(Path dir, SparkHome sparkHome, String tag) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.tag = tag;
    }

    /**
     * Starts a master and {@code workerCount} workers under {@code dir} (SPARK_HOME, logs, work dirs) and waits
     * until the master reports them all alive. On failure everything started is stopped again.
     */
    public static StandaloneCluster start(Path dir, int workerCount) throws IOException, InterruptedException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute);
        String tag = "probstab-cluster-" + absolute.getFileName();
        StandaloneCluster cluster = new StandaloneCluster(absolute,
                SparkHome.create(absolute.resolve("spark-home")), tag);
        try {
            cluster.startMaster();
            for (int i = 0; i < workerCount; i++) {
                cluster.workers.add(cluster.startWorker(i));
            }
            int[] restarts = new int[workerCount];
            cluster.await("the master to see " + workerCount + " alive workers", START_TIMEOUT, () -> {
                cluster.restartDeadWorkers(restarts);
                return cluster.masterState().map(s -> s.path("aliveworkers").asInt() == workerCount)
                        .orElse(false);
            });
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            masterPort = freePort();
            masterWebPort = freePort();
            master = JvmProcess.start("master", SparkHome.jvmArgs(tag, "-Xmx256m"), sparkHome.classpath(),
                    "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                            "--webui-port", Integer.toString(masterWebPort)),
                    sparkHome.environment(), dir.resolve("logs/master.log"));
            try {
                await("the master to answer on its status page", START_TIMEOUT,
                        () -> masterState().map(s -> "ALIVE".equals(s.path("status").asText())).orElse(false));
                return;
            } catch (IllegalStateException e) {
                // A port taken between picking and binding makes the master exit: try other ports.
                boolean died = !master.isAlive();
                master.close();
                if (!died || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private JvmProcess startWorker(int index) throws IOException {
        Path workDir = dir.resolve("work/worker-" + index);
        Files.createDirectories(workDir);
        return JvmProcess.start("worker-" + index, SparkHome.jvmArgs(tag, "-Xmx256m"), sparkHome.classpath(),
                "org.apache.spark.deploy.worker.Worker",
                List.of(masterUrl(), "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                        "--webui-port", Integer.toString(freePort()), "--work-dir", workDir.toString()),
                sparkHome.environment(), dir.resolve("logs/worker-" + index + ".log"));
    }

    /** A worker that died while starting (its web UI port taken in the meantime) is started again, twice at most. */
    private void restartDeadWorkers(int[] restarts) {
        for (int i = 0; i < workers.size(); i++) {
            if (!workers.get(i).isAlive() && restarts[i] < 2) {
                restarts[i]++;
                workers.get(i).close();
                try {
                    workers.set(i, startWorker(i));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot restart worker-" + i, e);
                }
            }
        }
    }

    /** {@code spark://127.0.0.1:<port>}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's web UI (its status is at {@code /json/}). */
    public String masterWebUrl() {
        return "http://127.0.0.1:" + masterWebPort;
    }

    public SparkHome sparkHome() {
        return sparkHome;
    }

    /** Where logs, work dirs (executor stdout/stderr) and SPARK_HOME live. */
    public Path dir() {
        return dir;
    }

    /** The text the {@code pkill -f} pattern for leftovers of this cluster matches. */
    public String processTag() {
        return tag;
    }

    List<JvmProcess> workers() {
        return List.copyOf(workers);
    }

    /** The master's JSON status, or empty while it does not answer. */
    public Optional<JsonNode> masterState() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(masterWebUrl() + "/json/"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The executor JVMs the workers run now, each with the worker that started it. */
    public List<Executor> executors() {
        List<Executor> executors = new ArrayList<>();
        for (JvmProcess worker : workers) {
            worker.handle().descendants()
                    .filter(p -> commandLine(p).contains(EXECUTOR_MAIN))
                    .forEach(p -> executors.add(new Executor(worker.name(), p, argument(p, "--executor-id"),
                            argument(p, "--app-id"))));
        }
        return executors;
    }

    /** One executor JVM: its worker, process, Spark executor id and application id. */
    public record Executor(String worker, ProcessHandle process, String executorId, String appId) {
        @Override
        public String toString() {
            return "executor " + executorId + " of " + appId + " on " + worker + " (pid " + process.pid() + ")";
        }
    }

    /** The process's command line, NUL separators as spaces (empty when it has gone). */
    static String commandLine(ProcessHandle process) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    private static String argument(ProcessHandle process, String option) {
        String[] words = commandLine(process).split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(option)) {
                return words[i + 1];
            }
        }
        return "?";
    }

    /** Polls {@code condition} every 200 ms; throws, with the daemons' log tails, if it is not met in time. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for "
                        + what + "\n" + diagnostics());
            }
            Thread.sleep(200);
        }
    }

    /** Liveness and log tails of the daemons, for failure messages. */
    public String diagnostics() {
        StringBuilder out = new StringBuilder();
        List<JvmProcess> all = new ArrayList<>();
        if (master != null) {
            all.add(master);
        }
        all.addAll(workers);
        for (JvmProcess p : all) {
            out.append("--- ").append(p).append(p.isAlive() ? " alive" : " DEAD").append('\n')
                    .append(p.logTail(15)).append('\n');
        }
        return out.toString();
    }

    /** Kills the workers (and so their executors) and the master; bounded, never throws. */
    @Override
    public void close() {
        for (JvmProcess worker : workers) {
            worker.close();
        }
        if (master != null) {
            master.close();
        }
    }

    /** A port free on 127.0.0.1 at the time of the call. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}

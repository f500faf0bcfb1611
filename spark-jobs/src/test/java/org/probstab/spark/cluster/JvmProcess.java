package org.probstab.spark.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A child JVM of the test (Spark master, worker, driver) with its output in one log file, which is always killed,
 * process tree and all, by {@link #close()} — and, should the test JVM itself die, by a small shell watchdog that
 * polls both PIDs and SIGKILLs the child once the test JVM is gone.
 */
final class JvmProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Process watchdog;
    private final Path log;

    private JvmProcess(String name, Process process, Process watchdog, Path log) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.log = log;
    }

    /** The {@code java} of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JDK 17 flags Spark needs (DESIGN §9), as Spark's own launcher lists them. */
    static List<String> moduleFlags() {
        return List.of(JavaModuleOptions.defaultModuleOptions().split("\\s+"));
    }

    /**
     * Starts {@code java <moduleFlags> <jvmArgs> -cp classpath mainClass args} with stdout and stderr appended to
     * {@code log}.
     */
    static JvmProcess start(String name, List<String> jvmArgs, String classpath, String mainClass,
                            List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(moduleFlags());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        Process watchdog = startWatchdog(process.pid());
        return new JvmProcess(name, process, watchdog, log);
    }

    private static Process startWatchdog(long child) throws IOException {
        long self = ProcessHandle.current().pid();
        String script = "while kill -0 " + self + " 2>/dev/null && kill -0 " + child + " 2>/dev/null; do sleep 2; "
                + "done; kill -9 " + child + " 2>/dev/null; exit 0";
        return new ProcessBuilder("/bin/sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The exit code, waiting at most {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + " did not finish within " + timeout.toSeconds() + " s; log "
                    + log + ":\n" + logTail(60));
        }
        return process.exitValue();
    }

    /** The log's text. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL, as a crash would: the process only, not its children. */
    void killForcibly() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Kills the process and everything it started, then its watchdog; waits (bounded) until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle p : tree) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Reported by the caller's assertions if it matters; a leftover is killed by the watchdog.
            }
        }
        watchdog.destroyForcibly();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}

package org.probstab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Zeppelin server on 127.0.0.1 and a free port, from an assembled {@link ZeppelinHome}, driven over its REST
 * API. Every wait is bounded; {@link #close} stops the server and the interpreter processes it started, by PID.
 */
final class ZeppelinServer implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** One note's run-all, the first of which also starts the interpreter JVM and Spark. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ZeppelinHome home;
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ProcessHandle> seen = new ArrayList<>();

    private ZeppelinServer(ZeppelinHome home, Process process, int port) {
        this.home = home;
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server and waits until it answers {@code GET /api/version}. */
    static ZeppelinServer start(ZeppelinHome home, String jvmFlags) throws IOException, InterruptedException {
        int port = freePort();
        Path z = home.dir;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", ZeppelinHome.SHORT_RUN_JIT));
        cmd.addAll(List.of(jvmFlags.trim().split("\\s+")));
        cmd.addAll(List.of(
                "-Dzeppelin.home=" + z, "-Dzeppelin.server.addr=127.0.0.1", "-Dzeppelin.server.port=" + port,
                "-Dzeppelin.war=" + z.resolve("webapp"), "-Dzeppelin.notebook.dir=" + z.resolve("notebook"),
                "-Dzeppelin.interpreter.dir=" + z.resolve("interpreter"), "-Dzeppelin.conf.dir=" + z.resolve("conf"),
                "-Dzeppelin.notebook.storage=org.apache.zeppelin.notebook.repo.VFSNotebookRepo",
                "-Dzeppelin.interpreter.remoterunner=" + z.resolve("bin/interpreter.sh"),
                "-Dzeppelin.interpreter.localRepo=" + z.resolve("local-repo"),
                "-Dzeppelin.search.index.path=" + z.resolve("search"), "-Dzeppelin.recovery.dir=" + z.resolve("recovery"),
                "-Dzeppelin.pid.dir=" + z.resolve("run"),
                "-Dlog4j.configuration=file:" + z.resolve("conf/log4j.properties"),
                "-cp", String.join(":", z.resolve("conf").toString(), z.resolve("loopback/server/classes").toString(),
                        z.resolve("lib") + "/*"),
                "org.apache.zeppelin.server.ZeppelinServer"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(z.toFile()).redirectErrorStream(true)
                .redirectOutput(home.logs().resolve("server.out").toFile());
        Map<String, String> env = pb.environment();
        env.put("ZEPPELIN_HOME", z.toString());
        env.put("ZEPPELIN_CONF_DIR", z.resolve("conf").toString());
        // Without it the server stops at once when its standard input ends.
        env.put("ZEPPELIN_IDENT_STRING", "probstab-tests");
        env.put("ZEPPELIN_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        ZeppelinServer server = new ZeppelinServer(home, pb.start(), port);
        try {
            server.awaitUp();
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Zeppelin server exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try {
                HttpResponse<String> r = http.send(get("/api/version").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Zeppelin server did not answer within " + START_TIMEOUT + ":\n"
                + logTail());
    }

    /** {@code GET /api/version}: the server's version. */
    String version() {
        return call(get("/api/version"), REQUEST_TIMEOUT).path("body").path("version").asText();
    }

    /** {@code POST /api/notebook/import}: the new note's id. */
    String importNote(Note note) {
        return call(HttpRequest.newBuilder(base.resolve("/api/notebook/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(note.toJson())), REQUEST_TIMEOUT).path("body").asText();
    }

    /**
     * Imports the note, runs all its paragraphs ({@code POST /api/notebook/job/{id}?blocking=true}) and reads back
     * every paragraph's status and results ({@code GET /api/notebook/{id}}). A failed paragraph stops the run there,
     * as in Zeppelin; the outcome says so.
     */
    NoteRun run(Note note) {
        String id = importNote(note);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/notebook/job/" + id
                    + "?blocking=true")).timeout(RUN_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            // A paragraph's ERROR makes the run-all answer 500; the paragraphs below tell which and why.
            if (r.statusCode() != 200 && r.statusCode() != 500) {
                throw new AssertionError("Zeppelin: running note '" + note.name() + "' answered " + r.statusCode()
                        + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Zeppelin: running note '" + note.name() + "' failed\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonNode body = call(get("/api/notebook/" + id), REQUEST_TIMEOUT).path("body");
        List<NoteRun.Outcome> outcomes = new ArrayList<>();
        JsonNode ps = body.path("paragraphs");
        for (int i = 0; i < note.paragraphs().size(); i++) {
            JsonNode p = ps.path(i);
            List<NoteRun.Message> messages = new ArrayList<>();
            for (JsonNode m : p.path("results").path("msg")) {
                messages.add(new NoteRun.Message(m.path("type").asText(), m.path("data").asText()));
            }
            String status = p.path("status").asText("MISSING");
            String error = null;
            if (status.equals("ERROR")) {
                StringBuilder sb = new StringBuilder(p.path("errorMessage").asText(""));
                messages.forEach(m -> sb.append(sb.length() > 0 ? "\n" : "").append(m.data()));
                error = sb.toString();
            }
            outcomes.add(new NoteRun.Outcome(note.paragraphs().get(i), status, messages, error));
        }
        return new NoteRun("Zeppelin " + version(), note, outcomes);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private JsonNode call(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("Zeppelin answered " + r.statusCode() + " to " + r.request().method() + " "
                        + r.uri() + ": " + r.body());
            }
            return Note.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PIDs of the server and of the processes it started (the interpreter JVMs). */
    List<Long> pids() {
        remember();
        return seen.stream().map(ProcessHandle::pid).toList();
    }

    private void remember() {
        Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(h -> seen.stream().noneMatch(s -> s.pid() == h.pid())).forEach(seen::add);
    }

    /** The last lines of the server's and interpreters' logs, for failure messages. */
    String logTail() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(home.logs())) {
            for (Path log : s.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                sb.append("--- ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException e) {
            sb.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return sb.toString();
    }

    /**
     * Stops the server (SIGTERM: it closes its interpreters), then every process it started that is still alive, each
     * by its PID; SIGKILL for any that outlives {@link #STOP_TIMEOUT}.
     */
    @Override
    public void close() {
        remember();
        for (ProcessHandle h : seen) {
            stop(h);
        }
    }

    private static void stop(ProcessHandle h) {
        if (!h.isAlive()) {
            return;
        }
        h.destroy();
        try {
            h.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's isAlive check
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

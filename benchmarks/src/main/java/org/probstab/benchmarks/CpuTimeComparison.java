package org.probstab.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probstab.law.GaussianRegression;
import org.probstab.random.RunStreams;
import org.probstab.trajectory.CurvatureDraws;
import org.probstab.trajectory.ScalarProductEngine;

/**
 * The comparison of {@link TrajectoryEngineBenchmark} with {@code cloop} in CPU time instead of wall time, for a
 * machine shared with other work: wall time then measures the share of a core a process got, CPU time (the thread's
 * own, and the C process's user time from {@code /usr/bin/time}) mostly what it did. Alternates
 * {@code cloop MODE 800 50000 LAMBDA 0.5} (run before and after) and the engine on the same law, REPS times, and
 * prints each ratio, their median, and the ratio of the minima. Not a JMH benchmark; run as
 * {@code java -cp benchmarks/target/benchmarks.jar org.probstab.benchmarks.CpuTimeComparison MODE LAMBDA REPS [CLOOP]}
 * with {@code CLOOP} the binary built by {@code gcc -O3 -march=native} (default /tmp/cloop).
 */
public final class CpuTimeComparison {

    private static final int RUNS = 800;
    private static final long STEPS = 50_000;

    private CpuTimeComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = args[0];
        double lambda = Double.parseDouble(args[1]);
        int reps = Integer.parseInt(args[2]);
        String cloop = args.length > 3 ? args[3] : "/tmp/cloop";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CurvatureDraws draws = CurvatureDraws.of(new GaussianRegression(0.5, 2.0), 1);
        List<Double> ratios = new ArrayList<>();
        double minC = Double.POSITIVE_INFINITY;
        double minJava = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int i = 0; i < reps; i++) {
            double before = cloopUserNanosPerStep(cloop, mode, args[1]);
            long t0 = threads.getCurrentThreadCpuTime();
            RunStreams streams = RunStreams.of(RunStreams.Algorithm.XOSHIRO256_PLUS, i, RUNS);
            if (mode.equals("1")) {
                sink += ScalarProductEngine.renormalised(draws, new double[] {lambda, -lambda}, STEPS, 0, streams)
                        .logNorms()[0][0];
            } else {
                sink += ScalarProductEngine.cutoff(draws, new double[] {lambda, -lambda}, STEPS, 1e100, 1e-140, streams)
                        .logNorms()[0][0];
            }
            double java = (threads.getCurrentThreadCpuTime() - t0) / (double) (RUNS * STEPS);
            double after = cloopUserNanosPerStep(cloop, mode, args[1]);
            double c = (before + after) / 2;
            System.out.printf("cloop %.2f / %.2f ns, engine %.2f ns, ratio %.3f%n", before, after, java, java / c);
            if (i >= 2) {
                ratios.add(java / c);
                minC = Math.min(minC, Math.min(before, after));
                minJava = Math.min(minJava, java);
            }
        }
        Collections.sort(ratios);
        System.out.printf("mode %s lambda %s: median ratio %.3f over %d pairs (after 2 warm-up pairs); minima: cloop %.2f,"
                + " engine %.2f ns, ratio %.3f%s%n", mode, args[1], ratios.get(ratios.size() / 2), ratios.size(), minC,
                minJava, minJava / minC, sink == 0 ? " " : "");
    }

    private static double cloopUserNanosPerStep(String cloop, String mode, String lambda)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/time", "-f", "%U", cloop, mode, Integer.toString(RUNS),
                Long.toString(STEPS), lambda, "0.5").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        p.waitFor();
        String[] lines = out.trim().split("\n");
        return Double.parseDouble(lines[lines.length - 1].trim()) * 1e9 / ((double) RUNS * STEPS);
    }
}

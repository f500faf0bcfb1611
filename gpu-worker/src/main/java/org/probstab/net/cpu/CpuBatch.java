package org.probstab.net.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.probstab.net.BatchShape;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetSampler;
import org.probstab.net.NetStreams;
import org.probstab.net.NetWeights;
import org.probstab.net.OptimiserSpec;

/**
 * A batch of C cells on the {@code cpu} backend: each parameter kind of all cells is one float array, cell after
 * cell (W₁ᵀ of cell c at c·d·h, …), with the optimiser state beside it. A step of a cell is {@link CellKernel}'s
 * forward/backward on that cell's own fresh samples, then the update; cells are spread over the worker threads
 * cell by cell, so a cell's arithmetic is the same whatever C and the thread count: one cell trained in a batch
 * equals the same cell trained alone, bit for bit.
 *
 * <p>{@link #run} trains cell after cell for all the steps (the cell's weights stay in cache), which gives the
 * same numbers as T calls of {@link #step} (every cell one step).
 *
 * <p>A cell whose loss is non-finite at some step is frozen there ({@link #divergedAt}). Every
 * {@value #FLUSH_INTERVAL} steps parameters and Adam's first moments below {@value #FLUSH_THRESHOLD} in magnitude
 * (second moments below {@value #SECOND_MOMENT_FLUSH_THRESHOLD}) are set to 0, so that a collapsing net never computes with subnormal floats (which
 * x86 processes two orders of magnitude slower); such a weight is 10¹⁸ below its initial scale.
 */
final class CpuBatch implements NetBatch {

    static final int FLUSH_INTERVAL = 16;
    static final float FLUSH_THRESHOLD = 1e-20f;
    /** For Adam's v ~ g²: the smallest normal float is 1.2e-38. */
    static final float SECOND_MOMENT_FLUSH_THRESHOLD = 1e-36f;

    private final BatchShape shape;
    private final int cells;
    private final int d;
    private final int h;
    private final int dh;
    private final boolean adam;
    private final ExecutorService pool;
    private final int threads;
    private final CellKernel[] kernels;

    private final float[] w1t;
    private final float[] b1;
    private final float[] w2t;
    private final float[] w2;
    private final float[] b2;
    private final float[][] firstMoment;
    private final float[][] secondMoment;

    private final float[] lambda;
    private final double[] beta1;
    private final double[] beta2;
    private final float[] epsilon;
    private final NetSampler[] samplers;
    private final int[] divergedAt;
    private int stepsDone;

    CpuBatch(BatchShape shape, List<NetCellSpec> specs, List<NetStreams> streams, ExecutorService pool,
             int threads) {
        this.shape = shape;
        this.cells = specs.size();
        this.d = shape.inputDim();
        this.h = shape.hiddenDim();
        this.dh = d * h;
        this.adam = shape.optimiser() == OptimiserSpec.Kind.ADAM;
        this.pool = pool;
        this.threads = threads;
        this.kernels = new CellKernel[threads];
        for (int t = 0; t < threads; t++) {
            kernels[t] = new CellKernel(shape);
        }
        w1t = new float[cells * dh];
        b1 = new float[cells * h];
        w2t = new float[cells * dh];
        w2 = new float[cells * dh];
        b2 = new float[cells * d];
        // Adam state per parameter array, in the order w1t, b1, w2t, w2, b2.
        firstMoment = adam ? new float[][] {new float[cells * dh], new float[cells * h], new float[cells * dh],
                new float[cells * dh], new float[cells * d]} : null;
        secondMoment = adam ? new float[][] {new float[cells * dh], new float[cells * h], new float[cells * dh],
                new float[cells * dh], new float[cells * d]} : null;
        lambda = new float[cells];
        beta1 = new double[cells];
        beta2 = new double[cells];
        epsilon = new float[cells];
        samplers = new NetSampler[cells];
        divergedAt = new int[cells];
        Arrays.fill(divergedAt, -1);
        for (int c = 0; c < cells; c++) {
            NetCellSpec spec = specs.get(c);
            NetWeights init = NetWeights.initialise(d, h, shape.bias(), streams.get(c).initialisationStream());
            System.arraycopy(init.w1t(), 0, w1t, c * dh, dh);
            System.arraycopy(init.b1(), 0, b1, c * h, h);
            System.arraycopy(init.w2t(), 0, w2t, c * dh, dh);
            System.arraycopy(transpose(init.w2t(), h, d), 0, w2, c * dh, dh);
            System.arraycopy(init.b2(), 0, b2, c * d, d);
            lambda[c] = (float) spec.lambda();
            beta1[c] = spec.optimiser().beta1();
            beta2[c] = spec.optimiser().beta2();
            epsilon[c] = (float) spec.optimiser().epsilon();
            samplers[c] = new NetSampler(spec, streams.get(c).dataStream());
        }
    }

    /** Floats held per cell: parameters (W₂ twice) and, for Adam, two moments of each. */
    static long floatsPerCell(BatchShape shape) {
        long d = shape.inputDim();
        long h = shape.hiddenDim();
        long params = 3 * d * h + h + d;
        return shape.optimiser() == OptimiserSpec.Kind.ADAM ? 3 * params : params;
    }

    private static float[] transpose(float[] rowsByCols, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = rowsByCols[r * cols + c];
            }
        }
        return t;
    }

    @Override
    public BatchShape shape() {
        return shape;
    }

    @Override
    public int cells() {
        return cells;
    }

    @Override
    public int stepsDone() {
        return stepsDone;
    }

    @Override
    public void step() {
        run(1);
    }

    @Override
    public void run(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        int first = stepsDone + 1;
        int last = stepsDone + steps;
        AtomicInteger next = new AtomicInteger();
        if (threads == 1 || cells == 1) {
            work(kernels[0], next, first, last);
        } else {
            List<Future<?>> futures = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                CellKernel kernel = kernels[t];
                futures.add(pool.submit(() -> work(kernel, next, first, last)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("training a cell failed", e.getCause());
                }
            }
        }
        stepsDone = last;
    }

    private void work(CellKernel kernel, AtomicInteger next, int first, int last) {
        for (int c = next.getAndIncrement(); c < cells; c = next.getAndIncrement()) {
            for (int t = first; t <= last && divergedAt[c] < 0; t++) {
                stepCell(kernel, c, t);
            }
        }
    }

    private void stepCell(CellKernel k, int c, int t) {
        NetSampler sampler = samplers[c];
        for (int s = 0; s < shape.batchSize(); s++) {
            sampler.nextSample(k.x[s], k.y[s], 0);
        }
        int o1 = c * dh;
        int ob1 = c * h;
        int ob2 = c * d;
        double loss = k.forwardBackward(w1t, o1, b1, ob1, w2t, w2, o1, b2, ob2);
        if (!Double.isFinite(loss)) {
            divergedAt[c] = t;
            return;
        }
        boolean bias = shape.bias();
        if (adam) {
            double bc1 = 1 - Math.pow(beta1[c], t);
            double bc2 = 1 - Math.pow(beta2[c], t);
            float stepSize = (float) (lambda[c] / bc1);
            float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
            float b1c = (float) beta1[c];
            float b2c = (float) beta2[c];
            float eps = epsilon[c];
            CellKernel.adam(w1t, firstMoment[0], secondMoment[0], o1, k.g1t, dh, b1c, b2c, stepSize, invSqrtBc2, eps);
            CellKernel.adam(w2t, firstMoment[2], secondMoment[2], o1, k.g2t, dh, b1c, b2c, stepSize, invSqrtBc2, eps);
            CellKernel.adam(w2, firstMoment[3], secondMoment[3], o1, k.g2, dh, b1c, b2c, stepSize, invSqrtBc2, eps);
            if (bias) {
                CellKernel.adam(b1, firstMoment[1], secondMoment[1], ob1, k.gb1, h, b1c, b2c, stepSize, invSqrtBc2,
                        eps);
                CellKernel.adam(b2, firstMoment[4], secondMoment[4], ob2, k.gb2, d, b1c, b2c, stepSize, invSqrtBc2,
                        eps);
            }
        } else {
            float l = lambda[c];
            CellKernel.sgd(w1t, o1, k.g1t, dh, l);
            CellKernel.sgd(w2t, o1, k.g2t, dh, l);
            CellKernel.sgd(w2, o1, k.g2, dh, l);
            if (bias) {
                CellKernel.sgd(b1, ob1, k.gb1, h, l);
                CellKernel.sgd(b2, ob2, k.gb2, d, l);
            }
        }
        if (t % FLUSH_INTERVAL == 0) {
            flushCell(c);
        }
    }

    private void flushCell(int c) {
        float th = FLUSH_THRESHOLD;
        float thSquared = SECOND_MOMENT_FLUSH_THRESHOLD;
        int[] offsets = {c * dh, c * h, c * dh, c * dh, c * d};
        int[] lengths = {dh, h, dh, dh, d};
        float[][] params = {w1t, b1, w2t, w2, b2};
        for (int p = 0; p < params.length; p++) {
            CellKernel.flush(params[p], offsets[p], lengths[p], th);
            if (adam) {
                CellKernel.flush(firstMoment[p], offsets[p], lengths[p], th);
                CellKernel.flush(secondMoment[p], offsets[p], lengths[p], thSquared);
            }
        }
    }

    @Override
    public NetWeights weights(int cell) {
        return new NetWeights(d, h, Arrays.copyOfRange(w1t, cell * dh, (cell + 1) * dh),
                Arrays.copyOfRange(b1, cell * h, (cell + 1) * h), Arrays.copyOfRange(w2t, cell * dh, (cell + 1) * dh),
                Arrays.copyOfRange(b2, cell * d, (cell + 1) * d));
    }

    @Override
    public int divergedAt(int cell) {
        return divergedAt[cell];
    }

    /** W₂ of the cell in the d × h layout (for the transpose-consistency test). */
    float[] secondLayerCopy(int cell) {
        return Arrays.copyOfRange(w2, cell * dh, (cell + 1) * dh);
    }

    @Override
    public void close() {
        // Nothing native: the arrays go with the object; the pool belongs to the backend.
    }
}

package org.probstab.net.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.probstab.net.BatchShape;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellResult;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetSampler;
import org.probstab.net.NetStreams;
import org.probstab.net.NetWeights;
import org.probstab.net.OptimiserSpec;

/**
 * A batch of C cells as batched PyTorch tensors: W₁ᵀ (C, d, h), b₁ (C, 1, h), W₂ᵀ (C, h, d), b₂ (C, 1, d), per-cell
 * hyper-parameters as (C, 1, 1) tensors. A step is the same chain rule as the cpu backend's
 * ({@code CellKernel}) with batched matrix products, Z = X·W₁ᵀ, …, ∂L/∂W₁ᵀ = Xᵀ·∂L/∂Z, written out (no autograd),
 * followed by the same SGD or Adam update, in float32. The samples are drawn on the host from the cells' own
 * streams ({@link NetSampler}, exactly the cpu backend's numbers) and copied to the device once per step; the
 * initial weights are the cpu backend's too. Every {@value #FLUSH_INTERVAL} steps parameters below
 * {@value #FLUSH_THRESHOLD} are set to 0 as on the cpu; every
 * {@value NetCellResult#DJL_DIVERGENCE_CHECK_INTERVAL} steps the per-cell training losses are read back and a
 * non-finite one marks the cell diverged (it keeps stepping, harmlessly: cells never mix in a batched product).
 *
 * <p>Each step's temporaries live in a sub-manager closed at the end of the step; the state tensors are updated in
 * place.
 */
final class DjlBatch implements NetBatch {

    static final int FLUSH_INTERVAL = 16;
    static final float FLUSH_THRESHOLD = 1e-20f;
    static final float SECOND_MOMENT_FLUSH_THRESHOLD = 1e-36f;

    private final BatchShape shape;
    private final int cells;
    private final int d;
    private final int h;
    private final int samples;
    private final boolean adam;
    private final NDManager manager;
    private final NDArray w1t;
    private final NDArray b1;
    private final NDArray w2t;
    private final NDArray b2;
    private final NDArray[] firstMoment;
    private final NDArray[] secondMoment;
    private final NDArray lambda;
    private final NDArray beta1;
    private final NDArray oneMinusBeta1;
    private final NDArray beta2;
    private final NDArray oneMinusBeta2;
    private final NDArray epsilon;
    private final double[] beta1Host;
    private final double[] beta2Host;
    private final double[] lambdaHost;
    private final NetSampler[] samplers;
    private final float[] x;
    private final float[] y;
    private final int[] divergedAt;
    private int stepsDone;
    private float[][] hostCopy;

    DjlBatch(BatchShape shape, List<NetCellSpec> specs, List<NetStreams> streams, Device device) {
        this.shape = shape;
        this.cells = specs.size();
        this.d = shape.inputDim();
        this.h = shape.hiddenDim();
        this.samples = shape.batchSize();
        this.adam = shape.optimiser() == OptimiserSpec.Kind.ADAM;
        this.manager = NDManager.newBaseManager(device);
        int dh = d * h;
        float[] w1 = new float[cells * dh];
        float[] c1 = new float[cells * h];
        float[] w2 = new float[cells * dh];
        float[] c2 = new float[cells * d];
        float[] lr = new float[cells];
        float[] be1 = new float[cells];
        float[] be2 = new float[cells];
        float[] ome1 = new float[cells];
        float[] ome2 = new float[cells];
        float[] eps = new float[cells];
        beta1Host = new double[cells];
        beta2Host = new double[cells];
        lambdaHost = new double[cells];
        samplers = new NetSampler[cells];
        for (int c = 0; c < cells; c++) {
            NetCellSpec spec = specs.get(c);
            NetWeights init = NetWeights.initialise(d, h, shape.bias(), streams.get(c).initialisationStream());
            System.arraycopy(init.w1t(), 0, w1, c * dh, dh);
            System.arraycopy(init.b1(), 0, c1, c * h, h);
            System.arraycopy(init.w2t(), 0, w2, c * dh, dh);
            System.arraycopy(init.b2(), 0, c2, c * d, d);
            lr[c] = (float) spec.lambda();
            lambdaHost[c] = lr[c];
            beta1Host[c] = spec.optimiser().beta1();
            beta2Host[c] = spec.optimiser().beta2();
            be1[c] = (float) beta1Host[c];
            be2[c] = (float) beta2Host[c];
            ome1[c] = 1 - be1[c];
            ome2[c] = 1 - be2[c];
            eps[c] = (float) spec.optimiser().epsilon();
            samplers[c] = new NetSampler(spec, streams.get(c).dataStream());
        }
        w1t = manager.create(w1, new Shape(cells, d, h));
        b1 = manager.create(c1, new Shape(cells, 1, h));
        w2t = manager.create(w2, new Shape(cells, h, d));
        b2 = manager.create(c2, new Shape(cells, 1, d));
        Shape perCell = new Shape(cells, 1, 1);
        lambda = manager.create(lr, perCell);
        beta1 = manager.create(be1, perCell);
        beta2 = manager.create(be2, perCell);
        oneMinusBeta1 = manager.create(ome1, perCell);
        oneMinusBeta2 = manager.create(ome2, perCell);
        epsilon = manager.create(eps, perCell);
        if (adam) {
            NDArray[] params = {w1t, b1, w2t, b2};
            firstMoment = new NDArray[params.length];
            secondMoment = new NDArray[params.length];
            for (int p = 0; p < params.length; p++) {
                firstMoment[p] = manager.zeros(params[p].getShape());
                secondMoment[p] = manager.zeros(params[p].getShape());
            }
        } else {
            firstMoment = null;
            secondMoment = null;
        }
        x = new float[cells * samples * d];
        y = new float[cells * samples * d];
        divergedAt = new int[cells];
        Arrays.fill(divergedAt, -1);
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
        int t = stepsDone + 1;
        for (int c = 0; c < cells; c++) {
            samplers[c].next(x, y, c * samples * d, samples);
        }
        hostCopy = null;
        try (NDManager step = manager.newSubManager()) {
            NDArray[] state = adam ? new NDArray[] {w1t, b1, w2t, b2, firstMoment[0], firstMoment[1], firstMoment[2],
                    firstMoment[3], secondMoment[0], secondMoment[1], secondMoment[2], secondMoment[3], lambda, beta1,
                    beta2, oneMinusBeta1, oneMinusBeta2, epsilon} : new NDArray[] {w1t, b1, w2t, b2, lambda};
            for (NDArray a : state) {
                a.tempAttach(step);
            }
            Shape sampleShape = new Shape(cells, samples, d);
            NDArray xs = step.create(x, sampleShape);
            NDArray ys = step.create(y, sampleShape);
            NDArray z = xs.matMul(w1t);
            if (shape.bias()) {
                z = z.add(b1);
            }
            NDArray a = activate(z);
            NDArray f = a.matMul(w2t);
            if (shape.bias()) {
                f = f.add(b2);
            }
            NDArray r = f.sub(ys);
            if (t % NetCellResult.DJL_DIVERGENCE_CHECK_INTERVAL == 0) {
                float[] losses = r.square().sum(new int[] {1, 2}).toFloatArray();
                for (int c = 0; c < cells; c++) {
                    if (divergedAt[c] < 0 && !Float.isFinite(losses[c])) {
                        divergedAt[c] = t;
                    }
                }
            }
            NDArray delta = r.mul(1f / ((float) samples * d));
            NDArray g2t = a.transpose(0, 2, 1).matMul(delta);
            NDArray da = delta.matMul(w2t.transpose(0, 2, 1));
            NDArray dz = multiplyByDerivative(da, z, a);
            NDArray g1t = xs.transpose(0, 2, 1).matMul(dz);
            NDArray[] params = {w1t, b1, w2t, b2};
            NDArray[] grads = {g1t, shape.bias() ? dz.sum(new int[] {1}, true) : null, g2t,
                    shape.bias() ? delta.sum(new int[] {1}, true) : null};
            if (adam) {
                float[] stepSize = new float[cells];
                float[] invSqrtBc2 = new float[cells];
                for (int c = 0; c < cells; c++) {
                    stepSize[c] = (float) (lambdaHost[c] / (1 - Math.pow(beta1Host[c], t)));
                    invSqrtBc2[c] = (float) (1 / Math.sqrt(1 - Math.pow(beta2Host[c], t)));
                }
                NDArray stepSizes = step.create(stepSize, new Shape(cells, 1, 1));
                NDArray invSqrt = step.create(invSqrtBc2, new Shape(cells, 1, 1));
                for (int p = 0; p < params.length; p++) {
                    if (grads[p] == null) {
                        continue;
                    }
                    NDArray g = grads[p];
                    firstMoment[p].muli(beta1).addi(g.mul(oneMinusBeta1));
                    secondMoment[p].muli(beta2).addi(g.square().mul(oneMinusBeta2));
                    NDArray denominator = secondMoment[p].sqrt().mul(invSqrt).add(epsilon);
                    params[p].subi(firstMoment[p].mul(stepSizes).div(denominator));
                }
            } else {
                for (int p = 0; p < params.length; p++) {
                    if (grads[p] != null) {
                        params[p].subi(grads[p].mul(lambda));
                    }
                }
            }
            if (t % FLUSH_INTERVAL == 0) {
                for (int p = 0; p < params.length; p++) {
                    flush(params[p], FLUSH_THRESHOLD);
                    if (adam) {
                        flush(firstMoment[p], FLUSH_THRESHOLD);
                        flush(secondMoment[p], SECOND_MOMENT_FLUSH_THRESHOLD);
                    }
                }
            }
        }
        stepsDone = t;
    }

    private static void flush(NDArray a, float threshold) {
        a.muli(a.abs().gte(threshold).toType(DataType.FLOAT32, false));
    }

    private NDArray activate(NDArray z) {
        return switch (shape.activation()) {
            case LINEAR -> z;
            case TANH -> z.tanh();
            case RELU -> z.maximum(0f);
            case SWISH -> z.mul(ai.djl.nn.Activation.sigmoid(z));
        };
    }

    private NDArray multiplyByDerivative(NDArray da, NDArray z, NDArray a) {
        return switch (shape.activation()) {
            case LINEAR -> da;
            case TANH -> da.mul(a.square().neg().add(1f));
            case RELU -> da.mul(z.gt(0f).toType(DataType.FLOAT32, false));
            case SWISH -> {
                NDArray s = ai.djl.nn.Activation.sigmoid(z);
                yield da.mul(s.add(z.mul(s).mul(s.neg().add(1f))));
            }
        };
    }

    @Override
    public NetWeights weights(int cell) {
        if (hostCopy == null) {
            hostCopy = new float[][] {w1t.toFloatArray(), b1.toFloatArray(), w2t.toFloatArray(), b2.toFloatArray()};
        }
        int dh = d * h;
        return new NetWeights(d, h, Arrays.copyOfRange(hostCopy[0], cell * dh, (cell + 1) * dh),
                Arrays.copyOfRange(hostCopy[1], cell * h, (cell + 1) * h),
                Arrays.copyOfRange(hostCopy[2], cell * dh, (cell + 1) * dh),
                Arrays.copyOfRange(hostCopy[3], cell * d, (cell + 1) * d));
    }

    @Override
    public int divergedAt(int cell) {
        return divergedAt[cell];
    }

    @Override
    public void close() {
        manager.close();
    }
}

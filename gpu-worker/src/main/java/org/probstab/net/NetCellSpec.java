package org.probstab.net;

import org.probstab.config.InvalidInputException;

/**
 * One deep-net cell: a two-layer net d → h → d trained from initialisation on fresh data, whose outcome (numerical
 * rank of W₂, loss, divergence) is compared with the linearised theory for the same (λ, μ, S, σ) (DESIGN §7).
 *
 * <p>The net is f(x) = W₂ σ(W₁x + b₁) + b₂ with W₁ ∈ ℝ^{h×d}, W₂ ∈ ℝ^{d×h} (biases only with {@code bias});
 * the loss of a batch B of S samples is the squared error averaged over the batch and the d outputs,
 * <pre>
 *   L_B = (1/S) Σ_{j∈B} (1/d) Σ_k ½ (f_k(x_j) − y_{jk})²,
 * </pre>
 * which for d = 1 is the loss ½(f(x) − y)² of the scalar saddle of 000 Prop. 1 and keeps the curvature, hence the
 * stable range of λ, independent of d (with the sum over outputs instead, SGD at d = 200 diverges for λ above
 * ~2/d, far below the papers' λ ∈ (0, 0.25] of 001 Fig. 7). PyTorch's {@code MSELoss()} (mean, no ½) is the same
 * loss at λ_torch = λ/2; the sum over outputs is this loss at λ_sum = λ/d. The theory beside the cell is in
 * {@link NetTheory}.
 *
 * @param inputDim      d ≥ 1 (also the output dimension)
 * @param hiddenDim     h ≥ 1
 * @param activation    σ
 * @param bias          whether the layers have biases b₁, b₂
 * @param optimiser     sgd or adam with its hyper-parameters
 * @param lambda        learning rate λ &gt; 0
 * @param mu            signal fraction μ ∈ [0, 1] of y = μx + (1 − μ)ε
 * @param sigma         noise scale σ &gt; 0 (ε ~ N(0, σ²) per coordinate; per-coordinate variances for masked data)
 * @param batchSize     S ≥ 1 samples per step
 * @param steps         T ≥ 1 training steps
 * @param rankTolerance relative tolerance τ ∈ (0, 1): the rank counts singular values s_i &gt; τ·s_max of W₂
 * @param data          the data law
 */
public record NetCellSpec(int inputDim, int hiddenDim, Activation activation, boolean bias, OptimiserSpec optimiser,
                          double lambda, double mu, double sigma, int batchSize, int steps, double rankTolerance,
                          NetData data) {

    /** Largest d or h: a layer's d·h weights must index a Java array comfortably. */
    public static final int MAX_WIDTH = 8192;
    /** Largest S. */
    public static final int MAX_BATCH_SIZE = 1 << 20;
    /** Default relative rank tolerance τ. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-3;

    public NetCellSpec {
        if (inputDim < 1 || inputDim > MAX_WIDTH) {
            throw InvalidInputException.outOfRange("d", inputDim, "integers in [1, " + MAX_WIDTH + "]");
        }
        if (hiddenDim < 1 || hiddenDim > MAX_WIDTH) {
            throw InvalidInputException.outOfRange("h", hiddenDim, "integers in [1, " + MAX_WIDTH + "]");
        }
        if (activation == null) {
            throw InvalidInputException.missing("activation", String.join("|", Activation.labels()));
        }
        if (optimiser == null) {
            throw InvalidInputException.missing("optimiser", "sgd|adam");
        }
        if (data == null) {
            throw InvalidInputException.missing("data", "gaussian|masked");
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw InvalidInputException.outOfRange("lambda", lambda, "(0, inf)");
        }
        if (!(mu >= 0 && mu <= 1)) {
            throw InvalidInputException.outOfRange("mu", mu, "[0, 1]");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw InvalidInputException.outOfRange("sigma", sigma, "(0, inf)");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw InvalidInputException.outOfRange("S", batchSize, "integers in [1, " + MAX_BATCH_SIZE + "]");
        }
        if (steps < 1) {
            throw InvalidInputException.outOfRange("steps", steps, "integers >= 1");
        }
        if (!(rankTolerance > 0 && rankTolerance < 1)) {
            throw InvalidInputException.outOfRange("rank_tolerance", rankTolerance, "(0, 1)");
        }
    }

    /** A builder with the defaults: d = h = 200, linear, no bias, SGD, σ = 2, S = 1, T = 1000, τ = 1e-3, Gaussian. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inputDim = inputDim;
        b.hiddenDim = hiddenDim;
        b.activation = activation;
        b.bias = bias;
        b.optimiser = optimiser;
        b.lambda = lambda;
        b.mu = mu;
        b.sigma = sigma;
        b.batchSize = batchSize;
        b.steps = steps;
        b.rankTolerance = rankTolerance;
        b.data = data;
        return b;
    }

    /** Mutable builder; {@link #build} validates. */
    public static final class Builder {
        private int inputDim = 200;
        private int hiddenDim = 200;
        private Activation activation = Activation.LINEAR;
        private boolean bias;
        private OptimiserSpec optimiser = OptimiserSpec.sgd();
        private double lambda = 0.1;
        private double mu = 0.5;
        private double sigma = 2;
        private int batchSize = 1;
        private int steps = 1000;
        private double rankTolerance = DEFAULT_RANK_TOLERANCE;
        private NetData data = NetData.GAUSSIAN;

        private Builder() {
        }

        public Builder dims(int d, int h) {
            this.inputDim = d;
            this.hiddenDim = h;
            return this;
        }

        public Builder activation(Activation a) {
            this.activation = a;
            return this;
        }

        public Builder bias(boolean b) {
            this.bias = b;
            return this;
        }

        public Builder optimiser(OptimiserSpec o) {
            this.optimiser = o;
            return this;
        }

        public Builder lambda(double l) {
            this.lambda = l;
            return this;
        }

        public Builder mu(double m) {
            this.mu = m;
            return this;
        }

        public Builder sigma(double s) {
            this.sigma = s;
            return this;
        }

        public Builder batchSize(int s) {
            this.batchSize = s;
            return this;
        }

        public Builder steps(int t) {
            this.steps = t;
            return this;
        }

        public Builder rankTolerance(double tol) {
            this.rankTolerance = tol;
            return this;
        }

        public Builder data(NetData d) {
            this.data = d;
            return this;
        }

        public NetCellSpec build() {
            return new NetCellSpec(inputDim, hiddenDim, activation, bias, optimiser, lambda, mu, sigma, batchSize,
                    steps, rankTolerance, data);
        }
    }
}

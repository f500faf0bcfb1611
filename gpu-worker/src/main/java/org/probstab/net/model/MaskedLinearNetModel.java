package org.probstab.net.model;

import java.util.List;
import org.probstab.net.Activation;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetData;
import org.probstab.net.OptimiserSpec;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;

/**
 * {@code mf-linear-50}: the matrix-factorisation experiment of 000 App. A.6 (Fig. 12) — a linear two-layer net
 * 50 → 50 → 50 without biases, trained by SGD on sparse, masked, full-rank-signal data x = m ⊙ X,
 * y = μx + (1 − μ)(m ⊙ ε), ε_k ~ N(0, σ²v_k), v_k = 0.01, 0.05, …, 2.01, beside the diagonal approximation's
 * predicted rank (000 eq. 7; column {@code theory_rank}). σ defaults to √2: the paper's noise covariance
 * 2 diag(0.01, …, 2.01). The architecture is fixed; it is {@code net-two-layer} with d = h = 50, linear, no bias,
 * SGD and {@code data = masked}.
 */
public final class MaskedLinearNetModel extends NetCellModel {

    public static final String NAME = "mf-linear-50";
    /** d = h. */
    public static final int WIDTH = 50;

    private static final List<ParameterSpec> OWN = List.of(
            sigma(Double.toString(Math.sqrt(2)), "noise scale sigma: eps_k ~ N(0, sigma^2 v_k), v_k = 0.01 ... 2.01"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "linear 50 -> 50 -> 50 net on masked full-rank data, rank beside the diagonal approximation"
                + " (000 App. A.6, Fig. 12)";
    }

    @Override
    List<ParameterSpec> architectureParameters() {
        return OWN;
    }

    @Override
    public NetCellSpec spec(CellParameters p) {
        return NetCellSpec.builder()
                .dims(WIDTH, WIDTH)
                .activation(Activation.LINEAR)
                .bias(false)
                .optimiser(OptimiserSpec.sgd())
                .lambda(p.number(LAMBDA))
                .mu(p.number(MU))
                .sigma(p.number(SIGMA))
                .batchSize(p.integer(BATCH_SIZE))
                .steps(p.integer(STEPS))
                .rankTolerance(p.number(RANK_TOLERANCE))
                .data(NetData.MASKED)
                .build();
    }
}

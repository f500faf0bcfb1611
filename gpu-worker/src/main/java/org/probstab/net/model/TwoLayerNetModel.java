package org.probstab.net.model;

import java.util.List;
import java.util.Map;
import org.probstab.net.Activation;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetData;
import org.probstab.net.OptimiserSpec;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;

/**
 * {@code net-two-layer}: a two-layer net d → h → d, f(x) = W₂σ(W₁x + b₁) + b₂, trained by SGD or Adam on online data
 * y = μx + (1 − μ)ε (000 §5.4, Fig. 6 and 14; 001 Fig. 7 and 8), beside the exact phase of the matrix-factorisation
 * saddle at (c₀λ, μ, S, σ) ({@link org.probstab.net.NetTheory}). Parameters besides those of {@link NetCellModel}:
 * {@code d}, {@code h} (default 200, the papers'), {@code activation} linear|tanh|relu|swish, {@code bias}
 * false|true, {@code optimizer} sgd|adam with {@code adam_beta1}, {@code adam_beta2}, {@code adam_epsilon}
 * (PyTorch's defaults), {@code data} gaussian|masked, {@code sigma} (default 2: 000's text, ε ~ N(0, 4I)).
 */
public final class TwoLayerNetModel extends NetCellModel {

    public static final String NAME = "net-two-layer";
    public static final String D = "d";
    public static final String H = "h";
    public static final String ACTIVATION = "activation";
    public static final String BIAS = "bias";
    public static final String OPTIMIZER = "optimizer";
    public static final String ADAM_BETA1 = "adam_beta1";
    public static final String ADAM_BETA2 = "adam_beta2";
    public static final String ADAM_EPSILON = "adam_epsilon";
    public static final String DATA = "data";

    private static final List<ParameterSpec> OWN = List.of(
            sigma("2.0", "label-noise scale sigma: eps ~ N(0, sigma^2 I_d)"),
            ParameterSpec.integer(D, 1, NetCellSpec.MAX_WIDTH, false, "200", "input and output dimension d"),
            ParameterSpec.integer(H, 1, NetCellSpec.MAX_WIDTH, false, "200", "hidden width h"),
            ParameterSpec.choice(ACTIVATION, "linear", Activation.labels(), "hidden activation"),
            ParameterSpec.choice(BIAS, "false", List.of("false", "true"), "whether the layers have biases"),
            ParameterSpec.choice(OPTIMIZER, "sgd", List.of("sgd", "adam"), "the optimiser"),
            ParameterSpec.real(ADAM_BETA1, 0, true, 1, "0.9", "Adam's first-moment decay, in [0, 1)"),
            ParameterSpec.real(ADAM_BETA2, 0, true, 1, "0.999", "Adam's second-moment decay, in [0, 1)"),
            ParameterSpec.real(ADAM_EPSILON, 0, false, 1e100, "1e-8", "Adam's denominator offset"),
            ParameterSpec.choice(DATA, "gaussian", List.of("gaussian", "masked"),
                    "online data: gaussian, or masked (000 App. A.6)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two-layer net d -> h -> d trained on y = mu x + (1 - mu) eps, rank of W2 beside the saddle's phase"
                + " (000 Fig. 6, 14)";
    }

    @Override
    List<ParameterSpec> architectureParameters() {
        return OWN;
    }

    @Override
    public NetCellSpec spec(CellParameters p) {
        return NetCellSpec.builder()
                .dims(p.integer(D), p.integer(H))
                .activation(Activation.parse(ACTIVATION, p.text(ACTIVATION)))
                .bias(p.text(BIAS).equals("true"))
                .optimiser(optimiser(p.text(OPTIMIZER), p))
                .lambda(p.number(LAMBDA))
                .mu(p.number(MU))
                .sigma(p.number(SIGMA))
                .batchSize(p.integer(BATCH_SIZE))
                .steps(p.integer(STEPS))
                .rankTolerance(p.number(RANK_TOLERANCE))
                .data(NetData.parse(DATA, p.text(DATA)))
                .build();
    }

    @Override
    Map<String, Double> extraParameters(CellParameters p, NetCellSpec spec) {
        Map<String, Double> m = super.extraParameters(p, spec);
        if (spec.optimiser().kind() == OptimiserSpec.Kind.ADAM) {
            m.put(ADAM_BETA1, spec.optimiser().beta1());
            m.put(ADAM_BETA2, spec.optimiser().beta2());
            m.put(ADAM_EPSILON, spec.optimiser().epsilon());
        }
        return m;
    }

    /** Adam's hyper-parameters from a cell's parameters (the {@code adam_*} keys), or SGD. */
    static OptimiserSpec optimiser(String kind, CellParameters p) {
        return OptimiserSpec.Kind.parse(OPTIMIZER, kind) == OptimiserSpec.Kind.SGD ? OptimiserSpec.sgd()
                : OptimiserSpec.adam(p.number(ADAM_BETA1), p.number(ADAM_BETA2), p.number(ADAM_EPSILON));
    }
}

package org.probstab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.random.StreamSeeds;
import org.probstab.random.StreamSeeds.Purpose;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Column;
import org.probstab.table.Row;

/**
 * {@code mf-gaussian}: the matrix-factorisation saddle ℓ = −χ Σ u_i w_i with Gaussian regression data
 * χ = x·y, y = μx + (1 − μ)ε (000 §5.3, Prop. 1, Fig. 5, 8, 9; DESIGN §2).
 *
 * <p>N = ∞ draws fresh samples every step (exact by quadrature over χ²_S). Finite N fixes one dataset per
 * (data seed, N): the stream {@code StreamSeeds.stream(data_seed, N, DATASET)}, where {@code data_seed} defaults
 * to the sweep seed. So every cell of a sweep with the same N sees the same (x, ε) draws whatever λ, μ, σ — the
 * papers' finite-N diagrams are diagrams of one dataset — and a {@code data_seed} axis gives independent datasets.
 */
final class MfGaussianModel implements Model {

    static final String NAME = "mf-gaussian";

    private static final DatasetCache<List<Long>, double[]> PAIRS = new DatasetCache<>(64);

    /**
     * What a cell needs beyond λ, per (data seed, N, μ, σ, S, replacement): the law of χ_B (a finite dataset is
     * built from the cached pairs, once per μ and σ, with the mean and variance a cell reports; at N = ∞ the
     * quadrature's nodes) and the {@code params} map of the row. Up to 4096 of them, of at most 2²² dataset values
     * in all (32 MB): a λ–μ grid at N = 100 keeps one per μ.
     */
    private static final DatasetCache<LawKey, CellLaw> LAWS = new DatasetCache<>(4096, 1L << 22,
            c -> c.law() instanceof ScalarBatchLaw.Finite f ? f.data().size() : 0);

    /** Laws are immutable (final fields), so a racy read of a slot sees null or a whole law. */
    private static final CellLaw[] RECENT = new CellLaw[4096];

    private record LawKey(long dataSeed, double n, double mu, double sigma, int batchSize, boolean withReplacement) {

        boolean is(long dataSeed, double n, double mu, double sigma, int batchSize, boolean withReplacement) {
            return this.dataSeed == dataSeed && Double.compare(this.n, n) == 0 && Double.compare(this.mu, mu) == 0
                    && Double.compare(this.sigma, sigma) == 0 && this.batchSize == batchSize
                    && this.withReplacement == withReplacement;
        }

        static int hash(long dataSeed, double n, double mu, double sigma, int batchSize, boolean withReplacement) {
            long h = dataSeed * 31 + Double.doubleToLongBits(n);
            h = h * 31 + Double.doubleToLongBits(mu);
            h = h * 31 + Double.doubleToLongBits(sigma);
            h = h * 31 + batchSize * 2L + (withReplacement ? 1 : 0);
            return (int) (StreamSeeds.mix(h) >>> 32);
        }

        // Written out: a record's generated equals and hashCode showed in profiles of the per-cell lookup.
        @Override
        public boolean equals(Object o) {
            return o instanceof LawKey k && k.is(dataSeed, n, mu, sigma, batchSize, withReplacement);
        }

        @Override
        public int hashCode() {
            return hash(dataSeed, n, mu, sigma, batchSize, withReplacement);
        }
    }

    private record CellLaw(LawKey key, ScalarBatchLaw law, SortedMap<String, Double> params) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "matrix-factorisation saddle, Gaussian regression data y = mu x + (1 - mu) eps (000 §5.3)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                Parameters.LAMBDA,
                Parameters.MU,
                Parameters.BATCH_SIZE,
                Parameters.datasetSize("inf"),
                ParameterSpec.real("sigma", 0, false, Double.POSITIVE_INFINITY,
                        Double.toString(GaussianRegression.DEFAULT_SIGMA), "label-noise scale sigma"),
                Parameters.DATA_SEED,
                Parameters.REPLACEMENT);
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        Parameters.checkBatchAgainstDataset(p);
        if (Double.isFinite(p.number("N"))) {
            Parameters.checkExactFits(p, estimator, p.longValue("N"), Parameters.withReplacement(p));
        }
    }

    @Override
    public Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        return Optional.of(cellLaw(p, seed).law());
    }

    private static CellLaw cellLaw(CellParameters p, long seed) {
        long dataSeed = Parameters.dataSeed(p, seed);
        double n = p.number("N");
        double mu = p.number("mu");
        double sigma = p.number("sigma");
        int batchSize = p.integer("S");
        boolean withReplacement = Parameters.withReplacement(p);
        // The last law per hash bucket, probed without making a key (a sweep asks for one per cell).
        int slot = LawKey.hash(dataSeed, n, mu, sigma, batchSize, withReplacement) & (RECENT.length - 1);
        CellLaw recent = RECENT[slot];
        if (recent != null && recent.key().is(dataSeed, n, mu, sigma, batchSize, withReplacement)) {
            return recent;
        }
        CellLaw law = LAWS.get(new LawKey(dataSeed, n, mu, sigma, batchSize, withReplacement),
                MfGaussianModel::makeLaw);
        RECENT[slot] = law;
        return law;
    }

    private static CellLaw makeLaw(LawKey key) {
        GaussianRegression law = new GaussianRegression(key.mu(), key.sigma());
        SortedMap<String, Double> params = Column.RealMap.freeze(Map.of("sigma", key.sigma(), "data_seed",
                (double) key.dataSeed()));
        if (Double.isInfinite(key.n())) {
            return new CellLaw(key, new ScalarBatchLaw.FreshGaussian(law, key.batchSize()), params);
        }
        long dataSeed = key.dataSeed();
        int size = (int) key.n();
        double[] pairs = PAIRS.get(List.of(dataSeed, (long) size),
                () -> GaussianRegression.samplePairs(size, StreamSeeds.stream(dataSeed, size, Purpose.DATASET)));
        FiniteDataset data = law.datasetFromPairs(pairs);
        return new CellLaw(key, new ScalarBatchLaw.Finite(data, key.batchSize(), key.withReplacement()), params);
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        CellLaw cell = cellLaw(p, seed);
        ScalarEvaluation.evaluate(NAME, cell.law(), ScalarEvaluation.Modes.MINUS_AND_PLUS, p, estimator, seed, cellId,
                p.number("lambda"), p.number("mu"), p.integer("S"), p.number("N"), cell.params(), out);
    }
}

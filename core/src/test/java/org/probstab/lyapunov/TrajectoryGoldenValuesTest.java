package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.StreamSeeds;

/**
 * Golden values (STYLE 5): tiny seeded runs of every trajectory estimator, compared bit for bit (as
 * {@link Double#toHexString}) with values recorded from this implementation on JDK 17.0.15 / x86-64 (identical in
 * the interpreter, {@code -Xint}). A change of random algorithm, of how a stream is consumed, or of the arithmetic
 * of a step fails here; if the change is intended, re-record the values in the same commit and say why.
 */
class TrajectoryGoldenValuesTest {

    private static final long SEED = StreamSeeds.streamSeed(1, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);
    private static final RandomSymmetricLaw LAW = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
    private static final TrajectorySettings SMALL = new TrajectorySettings(8, 500, 20, 1, 1e-3);

    private static String[] hex(double... values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.toHexString(values[i]);
        }
        return out;
    }

    @Test
    void scalarProduct() {
        TrajectoryResult r = RenormalisedProduct.scalar(new TwoPointLaw(-0.5).dataset().samplerWithReplacement(1),
                0.6, new TrajectorySettings(16, 1000, 0, 1, 1e-3), SEED);
        assertThat(hex(r.exponent().value(), r.exponent().standardError(), r.exponent().logVariance(),
                r.probabilityBelowEpsilon(), r.meanSquareGrowth())).containsExactly(
                "-0x1.4e8234a2569b6p-2", "0x1.85f81a320cf43p-8", "0x1.bc1e707b3a54p-2", "0x1.0p0",
                "-0x1.225db84e11311p-1");
    }

    @Test
    void matrixProduct() {
        TrajectoryResult r = RenormalisedProduct.matrix(LAW, 0.3, SMALL, SEED);
        assertThat(hex(r.exponent().value(), r.exponent().standardError(), r.meanSquareGrowth())).containsExactly(
                "-0x1.f988a2da9048dp-6", "0x1.b8b2632f98cf4p-7", "0x1.eddb4091f86aep-5");
    }

    @Test
    void qrSpectrum() {
        SpectrumResult r = QrLyapunovSpectrum.estimate(LAW, 0.3, SMALL, SEED);
        assertThat(hex(r.exponents()[0], r.exponents()[1], r.standardErrors()[0], r.standardErrors()[1]))
                .containsExactly("-0x1.1af07b22f5732p-8", "-0x1.1354f4902149p-1", "0x1.6057007a24a96p-7",
                        "0x1.37cdecd72f7e2p-7");
    }

    @Test
    void paperProtocol() {
        ExponentEstimate r = PaperProtocol.matrix(LAW, 1.0, new PaperProtocol.Settings(20, 1e100, 1e-140, 500), SEED);
        assertThat(hex(r.value(), r.standardError())).containsExactly("0x1.4c6669d69563p-1", "0x1.65fa24a927622p-7");
    }
}

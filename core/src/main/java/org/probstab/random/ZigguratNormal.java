package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * Standard normal deviates by the ziggurat method of Marsaglia &amp; Tsang ("The ziggurat method for generating
 * random variables", J. Stat. Softw. 5(8), 2000), with their 128-layer tables and their RNOR/nfix logic, fed by
 * 64-bit words (here of {@link Xoshiro256Plus}). One word per normal on the fast path:
 * <pre>
 *   hz = (int) (w &gt;&gt;&gt; 32)            the signed 32-bit position in the layer
 *   iz = (w &gt;&gt;&gt; 24) &amp; 127             the layer, from bits disjoint from hz
 *   if |hz| &lt; k_iz:  return hz · w_iz    (97.2 % of draws: the layer's rectangle inside the density)
 *   else:             nfix: the base layer's tail (iz = 0, Marsaglia 1964) or the wedge test
 *                     f_iz + U·(f_{iz−1} − f_iz) &lt; exp(−x²/2), else a new word and the fast test again.
 * </pre>
 * Tables (zigset): x₁₂₇ = r = 3.442619855899, layer area v = 9.91256303526217e-3,
 * x_{i} = √(−2 ln(v/x_{i+1} + exp(−x_{i+1}²/2))), k_{i+1} = ⌊2³¹ x_i/x_{i+1}⌋, w_i = x_i/2³¹, f_i = exp(−x_i²/2),
 * with k₀ = ⌊2³¹ r/q⌋, w₀ = q/2³¹, q = v/exp(−r²/2). They are written out below as the reference program computed
 * them (double precision, glibc): the 126 steps of the recursion amplify last-bit differences between libraries'
 * exp and log (fdlibm's {@link StrictMath} included) to a few 1e-15 relative, so computing them here would give a
 * stream that differs in the last bits from the reference and, in principle, between platforms. The test checks
 * them against the recursion evaluated with {@link StrictMath} to 1e-13 relative, and bit for bit against the
 * reference program's output.
 *
 * <p>Three deliberate departures from the published code, each also in the C reference program
 * ({@code src/test/resources/reference/xoshiro_ziggurat.c}) against whose stream this class is tested bit for bit:
 * <ol>
 *   <li>the layer index comes from bits 24..30 of the word, not from the low 7 bits of hz: the original reuses
 *       those bits for both index and position (Doornik, "An improved ziggurat method to generate normal random
 *       samples", 2005), which confines each layer's values to a lattice 128 times coarser;</li>
 *   <li>uniforms are 53-bit doubles from the upper bits of a word: (w &gt;&gt;&gt; 11)·2⁻⁵³ ∈ [0, 1) for the
 *       wedge test, ((w &gt;&gt;&gt; 11) + 1)·2⁻⁵³ ∈ (0, 1] inside the tail's logarithms (never log 0); the original
 *       used 32-bit SHR3 uniforms (Leong, Zhang et al., J. Stat. Softw. 12(7), 2005, on SHR3's defects);</li>
 *   <li>tables in double precision (the original stores floats), |hz| compared exactly as a long (no
 *       {@code abs(INT_MIN)} overflow), and the tail starts at the table's own r (x = −ln U / r), not at the
 *       rounded 3.442620 and 0.2904764.</li>
 * </ol>
 * The exp and log of the slow path are {@link StrictMath}'s (fdlibm, the same on every JVM); the reference program
 * uses the C library's. Over 10⁶ normals (2.7·10⁴ slow paths) the streams agree bit for bit except for the last bit
 * of a few of the 598 tail values, whose logarithms differ by an ulp; the words consumed are the same.
 */
public final class ZigguratNormal {

    /** Layers. */
    static final int LAYERS = 128;
    /** r: the base layer's tail starts here. */
    static final double TAIL_START = 3.442619855899;
    /** v: the area of every layer. */
    static final double LAYER_AREA = 9.91256303526217e-3;

    /** k_i: the fast test |hz| &lt; k_i accepts. */
    static final int[] KN = {
            1991057938, 0, 1611602771, 1826899878, 1918584482, 1969227037,
            2001281515, 2023368125, 2039498179, 2051788381, 2061460127, 2069267110,
            2075699398, 2081089314, 2085670119, 2089610331, 2093034710, 2096037586,
            2098691595, 2101053571, 2103168620, 2105072996, 2106796166, 2108362327,
            2109791536, 2111100552, 2112303493, 2113412330, 2114437283, 2115387130,
            2116269447, 2117090813, 2117856962, 2118572919, 2119243101, 2119871411,
            2120461303, 2121015852, 2121537798, 2122029592, 2122493434, 2122931299,
            2123344971, 2123736059, 2124106020, 2124456175, 2124787725, 2125101763,
            2125399283, 2125681194, 2125948325, 2126201433, 2126441213, 2126668298,
            2126883268, 2127086657, 2127278949, 2127460589, 2127631985, 2127793506,
            2127945490, 2128088244, 2128222044, 2128347141, 2128463758, 2128572095,
            2128672327, 2128764606, 2128849065, 2128925811, 2128994934, 2129056501,
            2129110560, 2129157136, 2129196237, 2129227847, 2129251929, 2129268426,
            2129277255, 2129278312, 2129271467, 2129256561, 2129233410, 2129201800,
            2129161480, 2129112170, 2129053545, 2128985244, 2128906855, 2128817916,
            2128717911, 2128606255, 2128482298, 2128345305, 2128194452, 2128028813,
            2127847342, 2127648860, 2127432031, 2127195339, 2126937058, 2126655214,
            2126347546, 2126011445, 2125643893, 2125241376, 2124799783, 2124314271,
            2123779094, 2123187386, 2122530867, 2121799464, 2120980787, 2120059418,
            2119015917, 2117825402, 2116455471, 2114863093, 2112989789, 2110753906,
            2108037662, 2104664315, 2100355223, 2094642347, 2086670106, 2074676188,
            2054300022, 2010539237
    };
    /** w_i = x_i/2³¹: the value is hz·w_i. */
    static final double[] WN = {
            0x1.db4668fe7e4a4p-30, 0x1.16db47e193e1ap-33, 0x1.73949184db9dfp-33, 0x1.b4c8fece48e83p-33,
            0x1.e8e576e43fbefp-33, 0x1.0a936da5e55adp-32, 0x1.1e0ce6b5969b3p-32, 0x1.2f98d6bb4f41fp-32,
            0x1.3fabee1911cd7p-32, 0x1.4e94c08c0bab7p-32, 0x1.5c8afdbf0217bp-32, 0x1.69b7b213f3f69p-32,
            0x1.763a1600eec74p-32, 0x1.822a858af0e7dp-32, 0x1.8d9c6a9d35e3dp-32, 0x1.989f85c753b2cp-32,
            0x1.a340d1baf5b18p-32, 0x1.ad8b2506a137cp-32, 0x1.b787a7c516f3bp-32, 0x1.c13e2b014e85cp-32,
            0x1.cab56ac6a38d3p-32, 0x1.d3f340dda611cp-32, 0x1.dcfccc51c59fp-32, 0x1.e5d6909f51b6ap-32,
            0x1.ee848e956826fp-32, 0x1.f70a5866c8f46p-32, 0x1.ff6b21fffe31ap-32, 0x1.03d4e7391c5b7p-31,
            0x1.07e47d87a40f6p-31, 0x1.0be58456ff4aep-31, 0x1.0fd911b97f236p-31, 0x1.13c024b2c7ec6p-31,
            0x1.179ba80463fecp-31, 0x1.1b6c7492c9735p-31, 0x1.1f335374a10f8p-31, 0x1.22f0ffbaa1e55p-31,
            0x1.26a627fb9d12p-31, 0x1.2a536fae30e33p-31, 0x1.2df97057e7efbp-31, 0x1.3198ba982d911p-31,
            0x1.3531d7146a43ep-31, 0x1.38c54749b9033p-31, 0x1.3c538647ef792p-31, 0x1.3fdd09591d2a4p-31,
            0x1.436240982ad9dp-31, 0x1.46e39778de063p-31, 0x1.4a617543306ccp-31, 0x1.4ddc3d83a5b84p-31,
            0x1.515450720f455p-31, 0x1.54ca0b4ffd349p-31, 0x1.583dc8bff3219p-31, 0x1.5bafe11654817p-31,
            0x1.5f20aaa4dfc1ap-31, 0x1.62907a0176ebfp-31, 0x1.65ffa248e016dp-31, 0x1.696e755e16b84p-31,
            0x1.6cdd4426b88a5p-31, 0x1.704c5ec50cb81p-31, 0x1.73bc14d01a2c9p-31, 0x1.772cb58a39dd6p-31,
            0x1.7a9e90168b8eep-31, 0x1.7e11f3adaeb92p-31, 0x1.81872fd21db73p-31, 0x1.84fe9484873b9p-31,
            0x1.88787278810a6p-31, 0x1.8bf51b49ef337p-31, 0x1.8f74e1b37c6b8p-31, 0x1.92f819c682bf5p-31,
            0x1.967f1924c7b06p-31, 0x1.9a0a373c73f21p-31, 0x1.9d99cd86b58b4p-31, 0x1.a12e37c983369p-31,
            0x1.a4c7d45d01a31p-31, 0x1.a867047516e4fp-31, 0x1.ac0c2c6fc6382p-31, 0x1.afb7b428fe7a1p-31,
            0x1.b36a075498d64p-31, 0x1.b72395df5b73bp-31, 0x1.bae4d457ee119p-31, 0x1.beae3c60cd0e4p-31,
            0x1.c2804d2c6b16fp-31, 0x1.c65b8c04dbac2p-31, 0x1.ca4084e091e34p-31, 0x1.ce2fcb05f8c34p-31,
            0x1.d229f9bfeefdbp-31, 0x1.d62fb52580b86p-31, 0x1.da41aaf79a344p-31, 0x1.de609397e09b9p-31,
            0x1.e28d331c6723cp-31, 0x1.e6c85a849b015p-31, 0x1.eb12e91486bbcp-31, 0x1.ef6dcddc7d392p-31,
            0x1.f3da097460823p-31, 0x1.f858aff31cbfp-31, 0x1.fceaeb2ca5f17p-31, 0x1.00c8fea1720d4p-30,
            0x1.0327a1cc4cf5ep-30, 0x1.05921d1c4d769p-30, 0x1.08093fe3e40e1p-30, 0x1.0a8ded0ec371ap-30,
            0x1.0d211dd28b00fp-30, 0x1.0fc3e4d95f278p-30, 0x1.12777201834f3p-30, 0x1.153d16d45743dp-30,
            0x1.18164be0c1c39p-30, 0x1.1b04b731f6bccp-30, 0x1.1e0a342cf08f6p-30, 0x1.2128dd36bdf09p-30,
            0x1.246317a6b53cp-30, 0x1.27bba2b5dbc92p-30, 0x1.2b35aa5ebee3ep-30, 0x1.2ed4df8099571p-30,
            0x1.329d9725e32f7p-30, 0x1.3694f3a3740d9p-30, 0x1.3ac11b8e206d6p-30, 0x1.3f29848d3b416p-30,
            0x1.43d75b60bca1dp-30, 0x1.48d61806d601p-30, 0x1.4e3456b0e3a1bp-30, 0x1.54052012a04a4p-30,
            0x1.5a61edf7e8f32p-30, 0x1.616dff7c8f54ap-30, 0x1.695c2be68edc9p-30, 0x1.7279dd4ac3f9dp-30,
            0x1.7d45eb36eb842p-30, 0x1.8aa73e440ffbcp-30, 0x1.9c8e0c7c8098fp-30, 0x1.b8a7c476d2be8p-30
    };
    /** f_i = exp(−x_i²/2). */
    static final double[] FN = {
            0x1p+0, 0x1.ed5cf060d53bbp-1, 0x1.df6071934c096p-1, 0x1.d37a74ffb7e3fp-1,
            0x1.c8d923f9e066ep-1, 0x1.bf19b6810e602p-1, 0x1.b6042cf903cb5p-1, 0x1.ad750b7255a18p-1,
            0x1.a55418110d29fp-1, 0x1.9d8fdfaec7beap-1, 0x1.961b4c1afe57ap-1, 0x1.8eec3c5bbfb34p-1,
            0x1.87faa61a739e6p-1, 0x1.814005219cc6ep-1, 0x1.7ab6f9c656c14p-1, 0x1.745b04d027f1cp-1,
            0x1.6e2856a006c14p-1, 0x1.681bab4ebdc18p-1, 0x1.62322fc593a59p-1, 0x1.5c696d348e881p-1,
            0x1.56bf39249a236p-1, 0x1.5131a8efe6179p-1, 0x1.4bbf07c6c217dp-1, 0x1.4665cea500fb2p-1,
            0x1.41249dc646445p-1, 0x1.3bfa374538788p-1, 0x1.36e57aa698262p-1, 0x1.31e5612065cfcp-1,
            0x1.2cf8fa78591b5p-1, 0x1.281f6a5d2446ap-1, 0x1.2357e62428f89p-1, 0x1.1ea1b2d9efcb5p-1,
            0x1.19fc239747fabp-1, 0x1.1566980fb8bacp-1, 0x1.10e07b5015e52p-1, 0x1.0c6942a5bbca5p-1,
            0x1.08006ca84ddep-1, 0x1.03a58060e667cp-1, 0x1.feb0191503b06p-2, 0x1.f62f4dd04549dp-2,
            0x1.edc7d75b77106p-2, 0x1.e578f9f2c936cp-2, 0x1.dd4204b58297ep-2, 0x1.d52250cd9b948p-2,
            0x1.cd1940ad1b14p-2, 0x1.c5263f5e989cp-2, 0x1.bd48bfe6a41dfp-2, 0x1.b5803cb422f1dp-2,
            0x1.adcc371df4166p-2, 0x1.a62c36ec664dap-2, 0x1.9e9fc9ed3ad0ap-2, 0x1.97268391186b6p-2,
            0x1.8fbffc917614cp-2, 0x1.886bd29e22628p-2, 0x1.8129a811a7651p-2, 0x1.79f923abe1175p-2,
            0x1.72d9f05230366p-2, 0x1.6bcbbcd4c4723p-2, 0x1.64ce3bb887d89p-2, 0x1.5de12305426e6p-2,
            0x1.57042c17986d6p-2, 0x1.503713768fb3fp-2, 0x1.497998ac51ea1p-2, 0x1.42cb7e21e8c52p-2,
            0x1.3c2c88fdb8ddp-2, 0x1.359c810485cb7p-2, 0x1.2f1b307ccfe9ap-2, 0x1.28a864146107ep-2,
            0x1.2243eac7e2068p-2, 0x1.1bed95cc5751fp-2, 0x1.15a5387a66034p-2, 0x1.0f6aa83b46cf7p-2,
            0x1.093dbc774f1ap-2, 0x1.031e4e85fb6a1p-2, 0x1.fa18733ed2789p-3, 0x1.ee0eb59e61862p-3,
            0x1.e21f21d12332ep-3, 0x1.d64978f7cf9d6p-3, 0x1.ca8d7f9ac2021p-3, 0x1.beeafd99d710fp-3,
            0x1.b361be1eb801cp-3, 0x1.a7f18f918fb5cp-3, 0x1.9c9a43902c0f3p-3, 0x1.915baee792bfp-3,
            0x1.8635a99016373p-3, 0x1.7b280eabfd4b9p-3, 0x1.7032bc88d676ap-3, 0x1.655594a396d54p-3,
            0x1.5a907baface5fp-3, 0x1.4fe359a138234p-3, 0x1.454e19baa0e72p-3, 0x1.3ad0aa9dd7fa4p-3,
            0x1.306afe6193144p-3, 0x1.261d0aaaebe72p-3, 0x1.1be6c8cbda96fp-3, 0x1.11c835e71b728p-3,
            0x1.07c1531a2b49bp-3, 0x1.fba44b5c4de8bp-4, 0x1.e7f56ea105fbcp-4, 0x1.d4762ca983a5ap-4,
            0x1.c126ac011775fp-4, 0x1.ae071dc7af28fp-4, 0x1.9b17be7e63eebp-4, 0x1.8858d6f54ff3p-4,
            0x1.75cabd60e5dbbp-4, 0x1.636dd69e8c211p-4, 0x1.514297b239a5bp-4, 0x1.3f4987896ad6ap-4,
            0x1.2d8341133a33bp-4, 0x1.1bf075c20a9fep-4, 0x1.0a91f09183c33p-4, 0x1.f2d13368bd127p-5,
            0x1.d0eaf63395868p-5, 0x1.af738c17a5016p-5, 0x1.8e6db483bc1bbp-5, 0x1.6ddc9dd1fe248p-5,
            0x1.4dc3fcbd99702p-5, 0x1.2e282b724adacp-5, 0x1.0f0e539c89b76p-5, 0x1.e0f951d57e236p-6,
            0x1.a4f57a25d9cbdp-6, 0x1.6a23fa9d5f276p-6, 0x1.309cee4e09981p-6, 0x1.f100847645165p-7,
            0x1.83f4bed19339ap-7, 0x1.1a9b6b3fc1937p-7, 0x1.6ba8b0ffb627ep-8, 0x1.5de9e33726f2p-9
    };

    private ZigguratNormal() {
    }

    /** One standard normal from {@code words} (one {@code nextLong} on the fast path). */
    public static double next(RandomGenerator words) {
        long u = words.nextLong();
        int hz = (int) (u >>> 32);
        int iz = (int) (u >>> 24) & (LAYERS - 1);
        if (Math.abs((long) hz) < KN[iz]) {
            return hz * WN[iz];
        }
        return slow(hz, iz, words);
    }

    /** True if the word is accepted by the fast test (its normal is then {@link #fastValue}). */
    static boolean isFast(long word) {
        int hz = (int) (word >>> 32);
        return Math.abs((long) hz) < KN[(int) (word >>> 24) & (LAYERS - 1)];
    }

    /** hz·w_iz of the word. */
    static double fastValue(long word) {
        int hz = (int) (word >>> 32);
        return hz * WN[(int) (word >>> 24) & (LAYERS - 1)];
    }

    /**
     * The slow path (Marsaglia &amp; Tsang's nfix) for a word rejected by the fast test, drawing further words from
     * {@code words}.
     */
    static double slow(int hz, int iz, RandomGenerator words) {
        while (true) {
            double x = hz * WN[iz];
            if (iz == 0) {
                double y;
                do {
                    x = -StrictMath.log(openClosed(words.nextLong())) / TAIL_START;
                    y = -StrictMath.log(openClosed(words.nextLong()));
                } while (y + y < x * x);
                return hz > 0 ? TAIL_START + x : -TAIL_START - x;
            }
            double u = (words.nextLong() >>> 11) * 0x1.0p-53;
            if (FN[iz] + u * (FN[iz - 1] - FN[iz]) < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
            long w = words.nextLong();
            hz = (int) (w >>> 32);
            iz = (int) (w >>> 24) & (LAYERS - 1);
            if (Math.abs((long) hz) < KN[iz]) {
                return hz * WN[iz];
            }
        }
    }

    private static double openClosed(long word) {
        return ((word >>> 11) + 1) * 0x1.0p-53;
    }
}

package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * Standard normal deviates by the ziggurat method of Marsaglia &amp; Tsang ("The ziggurat method for generating
 * random variables", J. Stat. Softw. 5(8), 2000) — their table recursion and their RNOR/nfix logic — with 256 layers,
 * fed by 64-bit words (here of {@link Xoshiro256Plus}). Each word holds two 32-bit <i>candidates</i>, its upper half
 * then its lower half, and a candidate c is a layer and a signed position:
 * <pre>
 *   iz = c &gt;&gt;&gt; 24                      the layer: the top 8 bits of the half
 *   p  = (c &lt;&lt; 8) &gt;&gt; 8                 the position: the low 24 bits, sign-extended, in [−2²³, 2²³)
 *   if |p| &lt; k_iz:  return p · w_iz     (98.5 % of candidates: the layer's rectangle inside the density)
 *   else:            nfix: the base layer's tail (iz = 0, Marsaglia 1964) or the wedge test
 *                    f_iz + U·(f_{iz−1} − f_iz) &lt; exp(−x²/2), else a new candidate (the upper half of a new word)
 *                    and the fast test again.
 * </pre>
 * Tables (zigset, for 256 layers): x₂₅₅ = r = 3.6541528853610088, layer area v = 4.928673233974655e-3 (the solution of
 * Marsaglia &amp; Tsang's equations for 256 layers, checked to 16 digits with mpmath),
 * x_i = √(−2 ln(v/x_{i+1} + exp(−x_{i+1}²/2))), k_{i+1} = ⌊2²³ x_i/x_{i+1}⌋, w_i = x_i/2²³, f_i = exp(−x_i²/2),
 * k₀ = ⌊2²³ r/q⌋, w₀ = q/2²³ with q = v/exp(−r²/2), k₁ = 0, f₀ = 1. They are written out below as the reference
 * program computed them (double precision, glibc): the 254 steps of the recursion amplify last-bit differences between
 * libraries' exp and log (fdlibm's {@link StrictMath} included) to a few 1e-15 relative, so computing them here would
 * give a stream that differs in the last bits from the reference and, in principle, between platforms. The test
 * checks them against the recursion evaluated with {@link StrictMath} to 1e-13 relative, and bit for bit against the
 * reference program's output.
 *
 * <p>Departures from the published code, each also in the C reference program
 * ({@code src/test/resources/reference/xoshiro_ziggurat.c}) against whose stream this class is tested bit for bit:
 * <ol>
 *   <li>256 layers instead of 128 (1.5 % of candidates take the slow path instead of 2.8 %), and two normals per 64-bit
 *       word, from 32 bits each: the layer from the top 8 bits of each half, the position from the other 24. The
 *       published RNOR takes layer and position from one 32-bit hz, the layer from its low 7 bits (Doornik, "An
 *       improved ziggurat method to generate normal random samples", 2005, on the correlation this causes), so its
 *       positions have 25 bits; here they have 24, disjoint from the layer, and the weak low bits of xoshiro256+ only
 *       touch the lowest bits of the second normal's position (a relative change of at most 2⁻²⁰);</li>
 *   <li>the wedge test's exponential is {@link #expNonPositive}, plain double arithmetic that the reference program
 *       repeats operation for operation, instead of a library's exp;</li>
 *   <li>uniforms are 53-bit doubles from the upper bits of a word: (w &gt;&gt;&gt; 11)·2⁻⁵³ ∈ [0, 1) for the
 *       wedge test, ((w &gt;&gt;&gt; 11) + 1)·2⁻⁵³ ∈ (0, 1] inside the tail's logarithms (never log 0); the original
 *       used 32-bit SHR3 uniforms (Leong, Zhang et al., J. Stat. Softw. 12(7), 2005, on SHR3's defects);</li>
 *   <li>tables in double precision (the original stores floats), and the tail starts at the table's own r
 *       (x = −ln U / r).</li>
 * </ol>
 * A generator that hands out normals one at a time keeps the lower half of its last word for the next normal
 * ({@link Xoshiro256Plus#nextGaussian}, {@link RunStreams}). The tail's logarithm is {@link StrictMath#log} (fdlibm),
 * the reference program's the C library's: over 10⁶ normals the streams agree bit for bit except, possibly, for the
 * last bit of a few of the 281 tail values; the words consumed are the same.
 */
public final class ZigguratNormal {

    /** Layers. */
    static final int LAYERS = 256;
    /** r: the base layer's tail starts here. */
    static final double TAIL_START = 3.6541528853610088;
    /** v: the area of every layer. */
    static final double LAYER_AREA = 4.928673233974655e-3;

    /** k_i: the fast test |p| &lt; k_i accepts (24-bit positions). */
    static final int[] K = {
            7838188, 0, 6309364, 7150247, 7507891, 7705263, 7830108, 7916088,
            7978859, 8026676, 8064303, 8094675, 8119703, 8140680, 8158514, 8173862,
            8187208, 8198919, 8209278, 8218507, 8226779, 8234236, 8240993, 8247143,
            8252764, 8257923, 8262672, 8267059, 8271124, 8274901, 8278418, 8281703,
            8284776, 8287658, 8290365, 8292914, 8295317, 8297586, 8299732, 8301765,
            8303694, 8305525, 8307266, 8308924, 8310504, 8312011, 8313450, 8314826,
            8316143, 8317404, 8318612, 8319771, 8320883, 8321952, 8322979, 8323967,
            8324918, 8325833, 8326716, 8327567, 8328388, 8329180, 8329945, 8330684,
            8331399, 8332090, 8332758, 8333405, 8334031, 8334638, 8335225, 8335795,
            8336347, 8336883, 8337402, 8337906, 8338396, 8338871, 8339332, 8339780,
            8340215, 8340638, 8341050, 8341449, 8341838, 8342216, 8342583, 8342941,
            8343289, 8343627, 8343956, 8344277, 8344589, 8344892, 8345188, 8345475,
            8345755, 8346028, 8346293, 8346551, 8346802, 8347047, 8347285, 8347517,
            8347743, 8347962, 8348176, 8348383, 8348586, 8348782, 8348973, 8349159,
            8349340, 8349515, 8349686, 8349851, 8350012, 8350168, 8350319, 8350466,
            8350608, 8350746, 8350880, 8351009, 8351134, 8351254, 8351371, 8351484,
            8351592, 8351696, 8351797, 8351894, 8351986, 8352075, 8352160, 8352241,
            8352319, 8352393, 8352463, 8352529, 8352592, 8352651, 8352706, 8352758,
            8352806, 8352851, 8352891, 8352929, 8352962, 8352992, 8353018, 8353041,
            8353060, 8353075, 8353086, 8353094, 8353098, 8353098, 8353094, 8353087,
            8353075, 8353060, 8353040, 8353017, 8352989, 8352958, 8352922, 8352882,
            8352837, 8352788, 8352734, 8352676, 8352614, 8352546, 8352474, 8352396,
            8352314, 8352226, 8352133, 8352035, 8351930, 8351821, 8351705, 8351583,
            8351455, 8351320, 8351179, 8351030, 8350875, 8350712, 8350542, 8350364,
            8350178, 8349983, 8349779, 8349566, 8349344, 8349112, 8348869, 8348616,
            8348351, 8348075, 8347786, 8347484, 8347169, 8346839, 8346495, 8346134,
            8345757, 8345362, 8344949, 8344516, 8344062, 8343586, 8343086, 8342561,
            8342010, 8341429, 8340818, 8340175, 8339495, 8338778, 8338019, 8337216,
            8336365, 8335460, 8334499, 8333475, 8332382, 8331213, 8329961, 8328616,
            8327168, 8325604, 8323910, 8322069, 8320062, 8317864, 8315447, 8312775,
            8309807, 8306487, 8302749, 8298506, 8293645, 8288016, 8281414, 8273555,
            8264025, 8252204, 8237110, 8217090, 8189112, 8146898, 8074799, 7918290
    };
    /** w_i = x_i/2²³ (w₀ = q/2²³): the value is p·w_i. */
    static final double[] W = {
            0x1.f493b7815d97fp-22, 0x1.b8d0be3fdf5cep-26, 0x1.250af3c2c5b64p-25, 0x1.57cb938443b28p-25,
            0x1.801fce82fa6dep-25, 0x1.a230c2e4cd096p-25, 0x1.c004d2f3861d9p-25, 0x1.dac2f5a747258p-25,
            0x1.f32482d4cd5acp-25, 0x1.04d32278ebba2p-24, 0x1.0f5053b025d38p-24, 0x1.192a69741366dp-24,
            0x1.227a28f7a1aeap-24, 0x1.2b52e3863d876p-24, 0x1.33c3fc05791ebp-24, 0x1.3bd9ec1a2b125p-24,
            0x1.439ef8dff9b4bp-24, 0x1.4b1bb363dfe9fp-24, 0x1.52575621ad36cp-24, 0x1.59580a707ce9p-24,
            0x1.60231cfd97ee5p-24, 0x1.66bd261a37c39p-24, 0x1.6d2a29200056cp-24, 0x1.736dad346f8a3p-24,
            0x1.798ad10b32a73p-24, 0x1.7f845ad46f53ep-24, 0x1.855cc53430a72p-24, 0x1.8b1649e7b7694p-24,
            0x1.90b2ea94ecf94p-24, 0x1.96347822c1ee7p-24, 0x1.9b9c98e38c543p-24, 0x1.a0eccdca4a728p-24,
            0x1.a62676d77cd56p-24, 0x1.ab4ad6e10162cp-24, 0x1.b05b16d136c99p-24, 0x1.b558487427a26p-24,
            0x1.ba4368e529f37p-24, 0x1.bf1d62abf822fp-24, 0x1.c3e70f9594eefp-24, 0x1.c8a13a5323b5cp-24,
            0x1.cd4c9fe722686p-24, 0x1.d1e9f0e80b743p-24, 0x1.d679d29e41f0bp-24, 0x1.dafce0023b8bfp-24,
            0x1.df73aa9f1764ep-24, 0x1.e3debb5d2edfap-24, 0x1.e83e9337a6efdp-24, 0x1.ec93abdf982cap-24,
            0x1.f0de784f06222p-24, 0x1.f51f654d8f684p-24, 0x1.f956d9e87d7aap-24, 0x1.fd8537dfa2ea9p-24,
            0x1.00d56e04234eap-23, 0x1.02e40f5398f98p-23, 0x1.04eea9e16a5fap-23, 0x1.06f565b72a00ep-23,
            0x1.08f869071f408p-23, 0x1.0af7d84bc610fp-23, 0x1.0cf3d664bcc7bp-23, 0x1.0eec84b160867p-23,
            0x1.10e20329515e9p-23, 0x1.12d4707310fb9p-23, 0x1.14c3e9f8e913cp-23, 0x1.16b08bfc42019p-23,
            0x1.189a71a78da3p-23, 0x1.1a81b51ee6d84p-23, 0x1.1c666f8f82ac8p-23, 0x1.1e48b93e0d42bp-23,
            0x1.2028a9940a09ep-23, 0x1.2206572c4c6e8p-23, 0x1.23e1d7de9c31ep-23, 0x1.25bb40ca96bfap-23,
            0x1.2792a661dd37dp-23, 0x1.29681c719d719p-23, 0x1.2b3bb62b82ed7p-23, 0x1.2d0d862e1b85p-23,
            0x1.2edd9e8cba98bp-23, 0x1.30ac10d6e48d5p-23, 0x1.3278ee1f4b92ep-23, 0x1.3444470265e9fp-23,
            0x1.360e2baca52d3p-23, 0x1.37d6abe055868p-23, 0x1.399dd6fb2b262p-23, 0x1.3b63bbfb83d01p-23,
            0x1.3d28698561ddep-23, 0x1.3eebede725a8p-23, 0x1.40ae571e09e71p-23, 0x1.426fb2da6745ap-23,
            0x1.44300e83c30a1p-23, 0x1.45ef773cac75ap-23, 0x1.47adf9e66c333p-23, 0x1.496ba32488f2bp-23,
            0x1.4b287f6024159p-23, 0x1.4ce49acb311d8p-23, 0x1.4ea001638a601p-23, 0x1.505abef5e555ep-23,
            0x1.5214df20a8b57p-23, 0x1.53ce6d56a664bp-23, 0x1.558774e1bb2c4p-23, 0x1.574000e555f75p-23,
            0x1.58f81c60e8511p-23, 0x1.5aafd23241b56p-23, 0x1.5c672d17d733bp-23, 0x1.5e1e37b2f8cd1p-23,
            0x1.5fd4fc89f5e36p-23, 0x1.618b860a31fc2p-23, 0x1.6341de8a2b0a1p-23, 0x1.64f8104b7260ap-23,
            0x1.66ae257c99671p-23, 0x1.6864283b13136p-23, 0x1.6a1a22950b2b1p-23, 0x1.6bd01e8b343bbp-23,
            0x1.6d8626128d352p-23, 0x1.6f3c43161f854p-23, 0x1.70f27f78b68ebp-23, 0x1.72a8e516914c6p-23,
            0x1.745f7dc70eedcp-23, 0x1.7616535e5731fp-23, 0x1.77cd6faeff449p-23, 0x1.7984dc8babd93p-23,
            0x1.7b3ca3c8b1409p-23, 0x1.7cf4cf3db22fbp-23, 0x1.7ead68c73dee7p-23, 0x1.80667a486ea1fp-23,
            0x1.82200dac88676p-23, 0x1.83da2ce899f15p-23, 0x1.8594e1fd1f5bdp-23, 0x1.875036f7a7ec5p-23,
            0x1.890c35f47f72dp-23, 0x1.8ac8e9205c043p-23, 0x1.8c865aba10c9cp-23, 0x1.8e44951446a27p-23,
            0x1.9003a2973b58fp-23, 0x1.91c38dc288347p-23, 0x1.9384612ef0afcp-23, 0x1.954627903a28ap-23,
            0x1.9708ebb70d5eep-23, 0x1.98ccb892e2a31p-23, 0x1.9a919933f99bfp-23, 0x1.9c5798cd5d92cp-23,
            0x1.9e1ec2b6f7411p-23, 0x1.9fe7226fad24ap-23, 0x1.a1b0c39f93692p-23, 0x1.a37bb21a2c85bp-23,
            0x1.a547f9e0bbb88p-23, 0x1.a715a724aa9a4p-23, 0x1.a8e4c64a0313dp-23, 0x1.aab563e9ff108p-23,
            0x1.ac878cd5af5cep-23, 0x1.ae5b4e18bb336p-23, 0x1.b030b4fc3a11ap-23, 0x1.b207cf09a985bp-23,
            0x1.b3e0aa0e00cp-23, 0x1.b5bb541ce3d03p-23, 0x1.b797db93f8927p-23, 0x1.b9764f1e5f73cp-23,
            0x1.bb56bdb85256ep-23, 0x1.bd3936b2ec0a2p-23, 0x1.bf1dc9b81ae83p-23, 0x1.c10486cec16ap-23,
            0x1.c2ed7e5f07a2dp-23, 0x1.c4d8c136e0d1cp-23, 0x1.c6c6608ec8705p-23, 0x1.c8b66e0eba617p-23,
            0x1.caa8fbd36a2abp-23, 0x1.cc9e1c73bd68fp-23, 0x1.ce95e3068e037p-23, 0x1.d0906328b8f6ep-23,
            0x1.d28db1037ef2p-23, 0x1.d48de1533c647p-23, 0x1.d691096e7f123p-23, 0x1.d8973f4d7fba5p-23,
            0x1.daa0999206e7p-23, 0x1.dcad2f8fc490ep-23, 0x1.debd195522e36p-23, 0x1.e0d06fb49d21bp-23,
            0x1.e2e74c4ea46f5p-23, 0x1.e501c99c1d188p-23, 0x1.e72002f97fe25p-23, 0x1.e94214b2abf0ap-23,
            0x1.eb681c0f76f08p-23, 0x1.ed9237610a73ap-23, 0x1.efc086101eca9p-23, 0x1.f1f328ac25321p-23,
            0x1.f42a40fb74d6dp-23, 0x1.f665f20c90168p-23, 0x1.f8a6604899782p-23, 0x1.faebb187122bfp-23,
            0x1.fd360d22fe785p-23, 0x1.ff859c118f60bp-23, 0x1.00ed447d3a075p-22, 0x1.021a8028fc947p-22,
            0x1.034a983a902abp-22, 0x1.047da4e3ef5c7p-22, 0x1.05b3bf6adb37ep-22, 0x1.06ed023a72668p-22,
            0x1.082988f632e17p-22, 0x1.0969708e8a254p-22, 0x1.0aacd7571c0c4p-22, 0x1.0bf3dd1eed448p-22,
            0x1.0d3ea34aa3d3p-22, 0x1.0e8d4cf116593p-22, 0x1.0fdffefa69fb6p-22, 0x1.1136e04207041p-22,
            0x1.129219bbb5d35p-22, 0x1.13f1d69c4096dp-22, 0x1.1556448602e3bp-22, 0x1.16bf93b9deef3p-22,
            0x1.182df74d21261p-22, 0x1.19a1a564eebacp-22, 0x1.1b1ad777f2f8ep-22, 0x1.1c99ca971a694p-22,
            0x1.1e1ebfbe4ae39p-22, 0x1.1fa9fc2e2d901p-22, 0x1.213bc9d04cc81p-22, 0x1.22d477a6fd3eep-22,
            0x1.24745a4ac9c23p-22, 0x1.261bcc77658dfp-22, 0x1.27cb2faa8592dp-22, 0x1.2982ecd770e77p-22,
            0x1.2b437532a0a51p-22, 0x1.2d0d43196db96p-22, 0x1.2ee0db1a978f4p-22, 0x1.30becd256aeecp-22,
            0x1.32a7b5e68a4a1p-22, 0x1.349c405ae12a1p-22, 0x1.369d27a33a83ep-22, 0x1.38ab392564108p-22,
            0x1.3ac7570ae88f8p-22, 0x1.3cf27b31704a4p-22, 0x1.3f2dbaa60f473p-22, 0x1.417a49cb9e5d9p-22,
            0x1.43d9815545e93p-22, 0x1.464ce44a73a15p-22, 0x1.48d62759c43bcp-22, 0x1.4b7739d6b5a27p-22,
            0x1.4e3250dcd8902p-22, 0x1.5109f53e9ac41p-22, 0x1.54011523a7e42p-22, 0x1.571b1a94ae41bp-22,
            0x1.5a5c08b718dd9p-22, 0x1.5dc8a243ad0fep-22, 0x1.61669cf861e4cp-22, 0x1.653ce7b006aeap-22,
            0x1.69540be9fe5c3p-22, 0x1.6db6b8d09e232p-22, 0x1.72728f05f7a34p-22, 0x1.7799556090673p-22,
            0x1.7d42df4d6ce8cp-22, 0x1.839030529f234p-22, 0x1.8ab0fbfaa7c14p-22, 0x1.92ee0946f4496p-22,
            0x1.9cbee014057abp-22, 0x1.a8fdc78947759p-22, 0x1.b981f3878fdbp-22, 0x1.d3bb48209ad33p-22
    };
    /** f_i = exp(−x_i²/2) (f₀ = 1). */
    static final double[] F = {
            0x1p+0, 0x1.f446ac979f094p-1, 0x1.eb7545b6ca92p-1, 0x1.e3f11e027f08p-1,
            0x1.dd36fa704de9dp-1, 0x1.d70920657bcf9p-1, 0x1.d144978a119e2p-1, 0x1.cbd33a8a72df1p-1,
            0x1.c6a5ecea97884p-1, 0x1.c1b1cd9eebaefp-1, 0x1.bceeb4ee1dc87p-1, 0x1.b85653a8ff557p-1,
            0x1.b3e3a8234dd15p-1, 0x1.af92a3f6ce8a7p-1, 0x1.ab5fef17a2509p-1, 0x1.a748bd550c9e6p-1,
            0x1.a34aafdf5af14p-1, 0x1.9f63bee651fdcp-1, 0x1.9b9228d240685p-1, 0x1.97d4657617ac4p-1,
            0x1.94291c21b7a4ap-1, 0x1.908f1bd317151p-1, 0x1.8d0554fe60aaap-1, 0x1.898ad48badf04p-1,
            0x1.861ebfc37bcadp-1, 0x1.82c050f56cf71p-1, 0x1.7f6ed4b20e2cep-1, 0x1.7c29a779c685bp-1,
            0x1.78f033ca0b0d8p-1, 0x1.75c1f0770d858p-1, 0x1.729e5f43f6d14p-1, 0x1.6f850baea7afp-1,
            0x1.6c7589e635a8bp-1, 0x1.696f75e513b2cp-1, 0x1.667272a92e325p-1, 0x1.637e298550c1ap-1,
            0x1.6092498802667p-1, 0x1.5dae86f4aff6cp-1, 0x1.5ad29acc85c8bp-1, 0x1.57fe4264c8d92p-1,
            0x1.55313f08d9e49p-1, 0x1.526b55a656cd8p-1, 0x1.4fac4e820b66ap-1, 0x1.4cf3f4f494ec3p-1,
            0x1.4a42172dc527bp-1, 0x1.479685fdf5014p-1, 0x1.44f114a49367bp-1, 0x1.425198a355fe5p-1,
            0x1.3fb7e99585b84p-1, 0x1.3d23e10af31a5p-1, 0x1.3a955a662cd1p-1, 0x1.380c32bda00d7p-1,
            0x1.358848bf550ebp-1, 0x1.33097c9703a38p-1, 0x1.308fafd6438f1p-1, 0x1.2e1ac55ea3bfp-1,
            0x1.2baaa14d7954dp-1, 0x1.293f28e93cd1ap-1, 0x1.26d84290504f2p-1, 0x1.2475d5a90db89p-1,
            0x1.2217ca92ff7f7p-1, 0x1.1fbe0a9929627p-1, 0x1.1d687fe54996fp-1, 0x1.1b171573fd117p-1,
            0x1.18c9b709b3c55p-1, 0x1.16805128639dep-1, 0x1.143ad105ea9ap-1, 0x1.11f9248311f3bp-1,
            0x1.0fbb3a2325915p-1, 0x1.0d810104142a1p-1, 0x1.0b4a68d70d9afp-1, 0x1.091761d995d82p-1,
            0x1.06e7dccf03c38p-1, 0x1.04bbcafa63f3p-1, 0x1.02931e18b822dp-1, 0x1.006dc85b8cac8p-1,
            0x1.fc9778c7bbda8p-2, 0x1.f859da7a900cfp-2, 0x1.f4229cb2f7af8p-2, 0x1.eff1a717e8f9ap-2,
            0x1.ebc6e20bd1f59p-2, 0x1.e7a236a4ec3cap-2, 0x1.e3838ea5f9b89p-2, 0x1.df6ad47763a0ep-2,
            0x1.db57f320b56b6p-2, 0x1.d74ad6426de39p-2, 0x1.d3436a1021086p-2, 0x1.cf419b4ae5b75p-2,
            0x1.cb45573c0a84ep-2, 0x1.c74e8bb00d7cep-2, 0x1.c35d26f1d2cbfp-2, 0x1.bf7117c616a1fp-2,
            0x1.bb8a4d6716d9ap-2, 0x1.b7a8b78071324p-2, 0x1.b3cc462b331d2p-2, 0x1.aff4e9ea1855ap-2,
            0x1.ac2293a5f5aa5p-2, 0x1.a85534aa4d889p-2, 0x1.a48cbea20c056p-2, 0x1.a0c9239468445p-2,
            0x1.9d0a55e1e93e5p-2, 0x1.995048418c0ccp-2, 0x1.959aedbe09f98p-2, 0x1.91ea39b33cb1bp-2,
            0x1.8e3e1fcb9f119p-2, 0x1.8a9693fde918bp-2, 0x1.86f38a8ac5ab8p-2, 0x1.8354f7faa0ddbp-2,
            0x1.7fbad11b8d913p-2, 0x1.7c250aff414b1p-2, 0x1.78939af9252ebp-2, 0x1.7506769c7b1edp-2,
            0x1.717d93ba9614cp-2, 0x1.6df8e86124caap-2, 0x1.6a786ad88de21p-2, 0x1.66fc11a25cbe2p-2,
            0x1.6383d377be515p-2, 0x1.600fa7480d2c8p-2, 0x1.5c9f84376c244p-2, 0x1.5933619d6eebep-2,
            0x1.55cb3703d01p-2, 0x1.5266fc2533bedp-2, 0x1.4f06a8ebf6d92p-2, 0x1.4baa357109ca2p-2,
            0x1.485199fad6ad4p-2, 0x1.44fccefc324fep-2, 0x1.41abcd1357a19p-2, 0x1.3e5e8d08ed2dbp-2,
            0x1.3b1507cf143aep-2, 0x1.37cf368081379p-2, 0x1.348d125f9d19ep-2, 0x1.314e94d5af62fp-2,
            0x1.2e13b77210766p-2, 0x1.2adc73e963fddp-2, 0x1.27a8c414db11ep-2, 0x1.2478a1f17de89p-2,
            0x1.214c079f7cc9ep-2, 0x1.1e22ef6188116p-2, 0x1.1afd539c2f05p-2, 0x1.17db2ed5454e8p-2,
            0x1.14bc7bb34ee67p-2, 0x1.11a134fcf2423p-2, 0x1.0e895598709c4p-2, 0x1.0b74d88b242dap-2,
            0x1.0863b8f904336p-2, 0x1.0555f2242e9d9p-2, 0x1.024b7f6c7747ep-2, 0x1.fe88b89df93c5p-3,
            0x1.f88108cb83235p-3, 0x1.f27fe6ce998d2p-3, 0x1.ec854a4c99c44p-3, 0x1.e6912b2283cddp-3,
            0x1.e0a3816457184p-3, 0x1.dabc455c7900ap-3, 0x1.d4db6f8b2514fp-3, 0x1.cf00f8a5e6fccp-3,
            0x1.c92cd9971df53p-3, 0x1.c35f0b7d89d47p-3, 0x1.bd9787abe18a1p-3, 0x1.b7d647a8731aap-3,
            0x1.b21b452ccd13ap-3, 0x1.ac667a2571807p-3, 0x1.a6b7e0b19267ep-3, 0x1.a10f7322d7e3dp-3,
            0x1.9b6d2bfd2fe5ap-3, 0x1.95d105f6a7c28p-3, 0x1.903afbf74fa69p-3, 0x1.8aab09192815bp-3,
            0x1.852128a819a38p-3, 0x1.7f9d5621f7175p-3, 0x1.7a1f8d368a323p-3, 0x1.74a7c9c7ab5a6p-3,
            0x1.6f3607e964716p-3, 0x1.69ca43e21f25cp-3, 0x1.64647a2adf19ep-3, 0x1.5f04a76f883fcp-3,
            0x1.59aac88f31d6fp-3, 0x1.5456da9c86835p-3, 0x1.4f08dade31fc1p-3, 0x1.49c0c6cf5ce2dp-3,
            0x1.447e9c20375d5p-3, 0x1.3f4258b6931aep-3, 0x1.3a0bfaae8d7eep-3, 0x1.34db805b4ab88p-3,
            0x1.2fb0e847c2a65p-3, 0x1.2a8c3137a071ap-3, 0x1.256d5a2835eb7p-3, 0x1.2054625183c34p-3,
            0x1.1b41492757d42p-3, 0x1.16340e5a82d63p-3, 0x1.112cb1da26eb9p-3, 0x1.0c2b33d5209bap-3,
            0x1.072f94bb8bf85p-3, 0x1.0239d54067d2ap-3, 0x1.fa93ecb6b222cp-4, 0x1.f0bff29520e1cp-4,
            0x1.e6f7bf29aa54bp-4, 0x1.dd3b56176e88fp-4, 0x1.d38abb9bd91e5p-4, 0x1.c9e5f493b740ap-4,
            0x1.c04d0680b1015p-4, 0x1.b6bff78f2e233p-4, 0x1.ad3ece9caf633p-4, 0x1.a3c9933ea6286p-4,
            0x1.9a604dc9d5b19p-4, 0x1.9103075a4a0abp-4, 0x1.87b1c9dbf2852p-4, 0x1.7e6ca013eefd6p-4,
            0x1.753395aaa1176p-4, 0x1.6c06b73694a4cp-4, 0x1.62e6124854d18p-4, 0x1.59d1b577466a4p-4,
            0x1.50c9b06fa2baep-4, 0x1.47ce1401b2213p-4, 0x1.3edef23269a86p-4, 0x1.35fc5e4d93e7p-4,
            0x1.2d266cf9b3115p-4, 0x1.245d344dd0d96p-4, 0x1.1ba0cbe978982p-4, 0x1.12f14d0f217a2p-4,
            0x1.0a4ed2c159629p-4, 0x1.01b979e30e49dp-4, 0x1.f262c2b6c6e41p-5, 0x1.e16d547b25194p-5,
            0x1.d092efeadf171p-5, 0x1.bfd3e0f282a3ep-5, 0x1.af30790385f81p-5, 0x1.9ea90f9295573p-5,
            0x1.8e3e02a68b5bbp-5, 0x1.7defb77af272dp-5, 0x1.6dbe9b398d072p-5, 0x1.5dab23cf2adddp-5,
            0x1.4db5d0e112764p-5, 0x1.3ddf2ce98eecbp-5, 0x1.2e27ce83df497p-5, 0x1.1e9059f1f6abcp-5,
            0x1.0f1982e968011p-5, 0x1.ff881d718a5c4p-6, 0x1.e121adb828c75p-6, 0x1.c301983cd091ap-6,
            0x1.a529f4e22ebf8p-6, 0x1.879d1b600c10ap-6, 0x1.6a5daf40bbf82p-6, 0x1.4d6eaf2fbb064p-6,
            0x1.30d388dab5e13p-6, 0x1.1490334603012p-6, 0x1.f152a4f72dd49p-7, 0x1.ba48d274f8facp-7,
            0x1.841040d8da478p-7, 0x1.4eb96421acfep-7, 0x1.1a59229952f92p-7, 0x1.ce160f8ec6837p-8,
            0x1.69ea8d90cb85dp-8, 0x1.08a1f03b0b205p-8, 0x1.55f9f43c1b072p-9, 0x1.4a605b6b9f70fp-10
    };

    private ZigguratNormal() {
    }

    /** The layer of a candidate: its top 8 bits. */
    static int layer(int candidate) {
        return candidate >>> 24;
    }

    /** The signed position of a candidate: its low 24 bits, sign-extended. */
    static int position(int candidate) {
        return (candidate << 8) >> 8;
    }

    /** True if the candidate is accepted by the fast test (its normal is then position · w_layer). */
    static boolean isFast(int candidate) {
        return Math.abs(position(candidate)) < K[layer(candidate)];
    }

    /** The normal of a candidate, drawing further words from {@code words} if it needs the slow path. */
    public static double fromCandidate(int candidate, RandomGenerator words) {
        int p = position(candidate);
        int iz = layer(candidate);
        if (Math.abs(p) < K[iz]) {
            return p * W[iz];
        }
        return slow(p, iz, words);
    }

    /**
     * The slow path (Marsaglia &amp; Tsang's nfix) for a candidate with position p in layer iz rejected by the fast
     * test, drawing further words from {@code words}.
     */
    static double slow(int p, int iz, RandomGenerator words) {
        while (true) {
            double x = p * W[iz];
            if (iz == 0) {
                double y;
                do {
                    x = -StrictMath.log(openClosed(words.nextLong())) / TAIL_START;
                    y = -StrictMath.log(openClosed(words.nextLong()));
                } while (y + y < x * x);
                return p > 0 ? TAIL_START + x : -TAIL_START - x;
            }
            double u = (words.nextLong() >>> 11) * 0x1.0p-53;
            if (F[iz] + u * (F[iz - 1] - F[iz]) < expNonPositive(-0.5 * x * x)) {
                return x;
            }
            int c = (int) (words.nextLong() >>> 32);
            p = position(c);
            iz = layer(c);
            if (Math.abs(p) < K[iz]) {
                return p * W[iz];
            }
        }
    }

    /**
     * e^z for z ∈ [−700, 0] by Cody–Waite reduction and a Taylor polynomial, to about 2 ulp, in plain double
     * arithmetic (so the same bits on every JVM and in the reference program): k = rint(z/ln 2),
     * r = (z − k·ln2_hi) − k·ln2_lo with fdlibm's split of ln 2 (k·ln2_hi is exact), |r| ≤ ln 2/2,
     * e^r = Σ_{n ≤ 12} rⁿ/n! by Horner (remainder |r|¹³/13! &lt; 2e−16), times 2^k. The wedge test only compares a
     * uniform against it, so the few ulp matter only for uniforms within a few ulp of the density. It replaces
     * {@link StrictMath#exp}, a native call that dominated the slow path, without giving up reproducibility.
     */
    static double expNonPositive(double z) {
        double k = Math.rint(z * INVERSE_LN2);
        double r = (z - k * LN2_HI) - k * LN2_LO;
        double p = 1.0 / 479001600;
        p = 1.0 / 39916800 + r * p;
        p = 1.0 / 3628800 + r * p;
        p = 1.0 / 362880 + r * p;
        p = 1.0 / 40320 + r * p;
        p = 1.0 / 5040 + r * p;
        p = 1.0 / 720 + r * p;
        p = 1.0 / 120 + r * p;
        p = 1.0 / 24 + r * p;
        p = 1.0 / 6 + r * p;
        p = 0.5 + r * p;
        p = 1.0 + r * p;
        p = 1.0 + r * p;
        return p * Double.longBitsToDouble((long) ((int) k + 1023) << 52);
    }

    private static final double INVERSE_LN2 = 1.44269504088896338700e+00;
    /** ln 2 split as in fdlibm: the high part has 33 significant bits, so k·LN2_HI is exact for |k| &lt; 2²⁰. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private static double openClosed(long word) {
        return ((word >>> 11) + 1) * 0x1.0p-53;
    }
}

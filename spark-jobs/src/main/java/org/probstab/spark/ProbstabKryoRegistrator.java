package org.probstab.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.serializer.KryoRegistrator;
import org.probstab.table.CellResult;

/**
 * Registers probstab's types with Kryo (DESIGN §5, §9). Spark runs with {@code spark.kryo.registrationRequired=true},
 * so an unregistered class fails loudly instead of silently writing its class name with every object. Classes are
 * registered in one fixed order, the same on driver and executors. {@link CellResult} has a hand-written serializer:
 * it holds an immutable JDK map, which Kryo's field serializer cannot rebuild.
 */
public final class ProbstabKryoRegistrator implements KryoRegistrator {

    /** The Spark settings that turn Kryo on with this registrator, registration required. */
    public static final Map<String, String> SETTINGS = Map.of(
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.kryo.registrationRequired", "true",
            "spark.kryo.registrator", ProbstabKryoRegistrator.class.getName());

    /** Spark classes that Spark 3.5 does not register itself but our jobs serialize. */
    private static final String[] SPARK_CLASSES = {
            "org.apache.hadoop.fs.Path[]",
            "org.apache.hadoop.fs.Path",
            "org.apache.hadoop.fs.FileStatus[]",
            "org.apache.hadoop.fs.LocatedFileStatus",
            "java.util.Collections$EmptySet",
            "org.apache.hadoop.fs.BlockLocation[]",
            "org.apache.hadoop.fs.BlockLocation",
            "org.apache.hadoop.fs.StorageType[]",
            "org.apache.hadoop.fs.StorageType",
            "org.apache.hadoop.fs.permission.FsPermission",
            "org.apache.hadoop.fs.permission.FsAction",
            "org.apache.spark.sql.types.MapType",
            "org.apache.spark.sql.types.ArrayType",
            "org.apache.spark.sql.types.BooleanType$",
            "org.apache.spark.util.io.ChunkedByteBuffer[]",
    };

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(CellResult.class, new CellResultSerializer());
        kryo.register(TreeMap.class);
        kryo.register(double[].class);
        kryo.register(long[].class);
        kryo.register(int[].class);
        // Spark-internal classes our jobs put through the serializer (found by running with registration required).
        for (String name : SPARK_CLASSES) {
            register(kryo, name);
        }
    }

    private static void register(Kryo kryo, String name) {
        try {
            Class<?> c = name.endsWith("[]")
                    ? Class.forName("[L" + name.substring(0, name.length() - 2) + ";")
                    : Class.forName(name);
            kryo.register(c);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Kryo registration: class " + name + " not found on this Spark", e);
        }
    }

    /** Writes a {@link CellResult} field by field; params as a sorted list of (name, value). */
    static final class CellResultSerializer extends Serializer<CellResult> {

        @Override
        public void write(Kryo kryo, Output out, CellResult r) {
            out.writeString(r.model());
            out.writeDouble(r.lambda());
            out.writeDouble(r.mu());
            out.writeInt(r.batchSize());
            out.writeDouble(r.n());
            Map<String, Double> params = new TreeMap<>(r.params());
            out.writeInt(params.size(), true);
            for (Map.Entry<String, Double> e : params.entrySet()) {
                out.writeString(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeDouble(r.exponentMinus());
            out.writeDouble(r.exponentMinusSe());
            out.writeDouble(r.exponentPlus());
            out.writeDouble(r.exponentPlusSe());
            out.writeDouble(r.exponentTop());
            out.writeDouble(r.exponentTopSe());
            double[] spectrum = r.spectrum();
            out.writeInt(spectrum == null ? -1 : spectrum.length);
            if (spectrum != null) {
                out.writeDoubles(spectrum);
            }
            out.writeDouble(r.logVariance());
            out.writeDouble(r.meanSquareFactor());
            out.writeBoolean(r.l2Stable());
            out.writeString(r.phase());
            out.writeString(r.method());
            out.writeLong(r.samples());
            out.writeLong(r.steps());
            out.writeDouble(r.probabilityBelowEpsilon());
            out.writeLong(r.elapsedNanos());
        }

        @Override
        public CellResult read(Kryo kryo, Input in, Class<CellResult> type) {
            String model = in.readString();
            double lambda = in.readDouble();
            double mu = in.readDouble();
            int batchSize = in.readInt();
            double n = in.readDouble();
            int count = in.readInt(true);
            Map<String, Double> params = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                params.put(in.readString(), in.readDouble());
            }
            double eMinus = in.readDouble();
            double eMinusSe = in.readDouble();
            double ePlus = in.readDouble();
            double ePlusSe = in.readDouble();
            double eTop = in.readDouble();
            double eTopSe = in.readDouble();
            int length = in.readInt();
            double[] spectrum = length < 0 ? null : in.readDoubles(length);
            double logVar = in.readDouble();
            double ms = in.readDouble();
            boolean l2 = in.readBoolean();
            String phase = in.readString();
            String method = in.readString();
            long samples = in.readLong();
            long steps = in.readLong();
            double pBelow = in.readDouble();
            long elapsed = in.readLong();
            return new CellResult(model, lambda, mu, batchSize, n, params, eMinus, eMinusSe, ePlus, ePlusSe, eTop,
                    eTopSe, spectrum, logVar, ms, l2, phase, method, samples, steps, pBelow, elapsed);
        }
    }
}

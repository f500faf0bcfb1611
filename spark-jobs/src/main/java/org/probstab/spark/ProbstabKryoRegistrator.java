package org.probstab.spark;

import com.esotericsoftware.kryo.Kryo;
import java.util.Map;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers probstab's types with Kryo (DESIGN §5, §9). Spark runs with {@code spark.kryo.registrationRequired=true},
 * so an unregistered class fails loudly instead of silently writing its class name with every object. Classes are
 * registered in one fixed order, the same on driver and executors. What our jobs put through Kryo is small: chunk
 * ids going out to the tasks and {@code long[]} (chunk, attempt) pairs coming back; rows never travel, each task writes
 * its chunks itself.
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
}

package org.probstab.spark;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.probstab.config.InvalidInputException;
import org.probstab.stability.PhaseFractions;

/**
 * Phase fractions over an ensemble of datasets ({@link PhaseFractions}): the cells of a phase table are counted on
 * Spark by (group value, data seed, phase, phase relative to the dataset's own sign of {@code chi_mean}); the counts —
 * one per group, dataset and phase — come to the driver, which averages over datasets with the standard error.
 */
public final class AggregateJob {

    /** Grouping columns other than params keys. */
    static final List<String> COLUMNS = List.of("n", "batch_size", "mu", "lambda");

    private AggregateJob() {
    }

    /**
     * @param dir   a phase table
     * @param by    the grouping: a column ({@code n}, {@code batch_size}, {@code mu}, {@code lambda}) or a params key
     * @param where an optional Spark SQL filter
     */
    public static List<PhaseFractions.Fraction> run(SparkSession spark, String dir, String by, String where) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(dir);
        } catch (Exception e) {
            throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' is not a readable phase table: "
                    + TableReader.firstLine(e));
        }
        List<String> columns = Arrays.asList(df.columns());
        if (!columns.contains("phase") || !columns.contains("params")) {
            throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' has no phase/params columns: allowed a"
                    + " phase table");
        }
        df = TableReader.where(df, where);
        Column group;
        if (COLUMNS.contains(by)) {
            group = col(by).cast(DataTypes.DoubleType);
        } else {
            List<String> keys = new ArrayList<>();
            for (Row r : df.select(org.apache.spark.sql.functions.map_keys(col("params"))).limit(1).collectAsList()) {
                keys.addAll(r.getList(0));
            }
            if (!keys.contains(by)) {
                throw InvalidInputException.outOfRange("--by", by, String.join(", ", COLUMNS) + " or a params key "
                        + keys);
            }
            group = element_at(col("params"), by);
        }
        spark.udf().register("probstab_merged", (UDF1<String, String>) PhaseFractions::merged,
                DataTypes.StringType);
        spark.udf().register("probstab_relative", (UDF2<String, Double, String>) (phase, chi) ->
                PhaseFractions.relative(phase, chi == null ? Double.NaN : chi), DataTypes.StringType);
        Column chi = columns.contains("chi_mean") ? col("chi_mean") : lit(null).cast(DataTypes.DoubleType);
        // N = ∞ is null in n: +∞ here; a model without a data seed has one dataset.
        Dataset<Row> counts = df.select(coalesce(group, lit(Double.POSITIVE_INFINITY)).as("g"),
                        coalesce(element_at(col("params"), "data_seed"), lit(0.0)).as("dataset"),
                        callUDF("probstab_merged", col("phase")).as("absolute"),
                        callUDF("probstab_relative", col("phase"), chi).as("relative"))
                .groupBy("g", "dataset", "absolute", "relative").agg(count(lit(1)).as("cells"));
        List<PhaseFractions.Count> list = new ArrayList<>();
        for (Row r : counts.collectAsList()) {
            list.add(new PhaseFractions.Count(r.getDouble(0), r.getDouble(1), r.getString(2), r.getString(3),
                    r.getLong(4)));
        }
        if (list.isEmpty()) {
            throw InvalidInputException.of("--where", "no cells in '" + dir + "'" + (where == null ? ""
                    : " with --where '" + where + "'") + ": allowed a non-empty selection");
        }
        return PhaseFractions.of(list);
    }
}

package org.probstab.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;

/**
 * {@code mf-data}: the matrix-factorisation saddle (000 §5.3) on a user's finite dataset, a CSV file with header
 * {@code x,y}; χ_i = x_i·y_i. The file is read once per JVM and (path, size, modification time).
 */
final class MfDataModel implements Model {

    static final String NAME = "mf-data";

    private static final DatasetCache<List<Object>, FiniteDataset> FILES = new DatasetCache<>(16);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "matrix-factorisation saddle on a finite dataset read from a CSV file with header x,y";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Parameters.LAMBDA, Parameters.BATCH_SIZE,
                ParameterSpec.text("data", null, "path of a CSV file with header x,y"),
                Parameters.REPLACEMENT);
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        FiniteDataset data = load(p.text("data"));
        if (!Parameters.withReplacement(p) && p.integer("S") > data.size()) {
            throw InvalidInputException.outOfRange("S", p.integer("S"), "integers in [1, N = " + data.size()
                    + "] without replacement");
        }
        Parameters.checkExactFits(p, estimator, data.size(), Parameters.withReplacement(p));
    }

    @Override
    public Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        return Optional.of(new ScalarBatchLaw.Finite(load(p.text("data")), p.integer("S"),
                Parameters.withReplacement(p)));
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        ScalarBatchLaw.Finite law = (ScalarBatchLaw.Finite) scalarLaw(p, seed).orElseThrow();
        ScalarEvaluation.evaluate(NAME, law, ScalarEvaluation.Modes.MINUS_AND_PLUS, p, estimator, seed, cellId,
                p.number("lambda"), Double.NaN, p.integer("S"), law.data().size(), Map.of(), out);
    }

    /** Reads (or finds cached) the dataset χ_i = x_i y_i of a CSV file with header x,y. */
    static FiniteDataset load(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw InvalidInputException.of("data", "parameter 'data' = " + file + " cannot be read: allowed a readable"
                    + " CSV file with header x,y");
        }
        if (!attributes.isRegularFile()) {
            throw InvalidInputException.of("data", "parameter 'data' = " + file + " is not a file: allowed a readable"
                    + " CSV file with header x,y");
        }
        List<Object> key = List.of(path.toString(), attributes.size(), attributes.lastModifiedTime().toMillis());
        return FILES.get(key, () -> parse(path, file));
    }

    private static FiniteDataset parse(Path path, String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.of("data", "parameter 'data' = " + file + " cannot be read ("
                    + e.getMessage() + "): allowed a readable CSV file with header x,y");
        }
        if (lines.isEmpty() || !lines.get(0).replace(" ", "").toLowerCase(Locale.ROOT).equals("x,y")) {
            throw InvalidInputException.of("data", "parameter 'data' = " + file + " has no header line 'x,y': allowed"
                    + " a CSV file with header x,y and one finite pair per line");
        }
        List<Double> chi = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            double x;
            double y;
            try {
                if (cells.length != 2) {
                    throw new NumberFormatException();
                }
                x = Double.parseDouble(cells[0].trim());
                y = Double.parseDouble(cells[1].trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("data", "parameter 'data' = " + file + " line " + (i + 1) + " '" + line
                        + "' is not a pair of numbers: allowed lines 'x,y' with finite numbers");
            }
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw InvalidInputException.of("data", "parameter 'data' = " + file + " line " + (i + 1)
                        + " has a non-finite value: allowed finite numbers");
            }
            chi.add(x * y);
        }
        if (chi.isEmpty()) {
            throw InvalidInputException.of("data", "parameter 'data' = " + file + " has no data rows: allowed at least"
                    + " one line x,y after the header");
        }
        return new FiniteDataset(chi.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

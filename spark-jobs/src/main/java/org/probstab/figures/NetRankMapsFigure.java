package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probstab.render.AxisScale;
import org.probstab.render.Renderer;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Rank maps of trained nets (000 Fig. 6 and 14, 001 Fig. 7 and 8): for each activation of the table, the rank of W₂
 * over (λ, μ) in ten classes of rank − d (full rank at the centre class, darker below), with the exact phase
 * boundaries of the theory saddle drawn over it ({@code render --column rank --overlay boundaries}, the net model's
 * theory cell at c₀λ). The index lists, per activation, how many cells agree with the theory — phase III ⇔ rank &lt; d,
 * diverged cells counted apart — and which do not.
 *
 * @param titleFormat the title of a map, with {@code %s} for the activation
 */
public record NetRankMapsFigure(String id, String paper, List<String> configs, String lookFor, String titleFormat)
        implements Figure {

    public NetRankMapsFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        TableData table = tables.get(0);
        List<Path> made = new ArrayList<>();
        List<String> activations = table.rows().stream().map(r -> r.text("activation")).distinct().toList();
        for (String activation : activations) {
            List<DataRow> slice = table.rows().stream().filter(r -> r.text("activation").equals(activation)).toList();
            double width = slice.get(0).get("width");
            Path png = out.resolve(id + "-" + activation + ".png");
            String title = String.format(Locale.ROOT, titleFormat, activation);
            Renderer.Request r = Renderer.Request.of(table.location(), png);
            Renderer.render(table.withRows(slice), new Renderer.Request(r.table(), png, "lambda", "mu",
                    List.of("rank"), List.of("boundaries"), "activation = '" + activation + "'", title, width,
                    Figures.overlayRows(quickSize), r.width(), r.height()));
            made.add(png);
            notes.add(agreement(activation, slice));
        }
        return made;
    }

    /** "tanh: 7/9 cells agree with the theory (phase III ⇔ rank < d); disagreeing: (λ, μ) = …". */
    static String agreement(String activation, List<DataRow> slice) {
        int agree = 0;
        int diverged = 0;
        List<String> disagreeing = new ArrayList<>();
        for (DataRow c : slice) {
            if (Double.isNaN(c.get("rank"))) {
                diverged++;
                continue;
            }
            boolean collapsed = c.get("rank") < c.get("width");
            boolean phaseThree = c.text("theory_phase").equals("III");
            if (collapsed == phaseThree) {
                agree++;
            } else {
                disagreeing.add("(" + AxisScale.format(c.get("lambda")) + ", " + AxisScale.format(c.get("mu"))
                        + ": " + c.text("theory_phase") + ", rank " + (long) c.get("rank") + ")");
            }
        }
        int judged = slice.size() - diverged;
        return activation + ": " + agree + "/" + judged + " cells agree with the theory (phase III ⇔ rank < d)"
                + (diverged > 0 ? ", " + diverged + " diverged" : "")
                + (disagreeing.isEmpty() ? "" : "; disagreeing (λ, μ: theory phase, rank): "
                + String.join(", ", disagreeing));
    }
}

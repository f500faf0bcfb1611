package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.probstab.render.OverlayLine;
import org.probstab.render.Renderer;
import org.probstab.table.TableData;

/**
 * A phase map of one table with its exact boundaries drawn over it, and optionally continuous maps of some columns
 * (e.g. Λ₋) of the same table.
 *
 * @param extraColumns numeric columns drawn as continuous maps as well
 */
public record PhaseMapFigure(String id, String paper, List<String> configs, String lookFor,
                             List<String> extraColumns) implements Figure {

    public PhaseMapFigure {
        configs = List.copyOf(configs);
        extraColumns = List.copyOf(extraColumns);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        TableData table = tables.get(0);
        int rows = Figures.overlayRows(quickSize);
        List<Path> made = new ArrayList<>();
        Path png = out.resolve(id + ".png");
        Renderer.Result r = Renderer.render(table, Figures.request(table, png, rows)
                .withOverlays(List.of("boundaries")));
        made.add(png);
        notes.add(r.cells() + " cells; exact boundaries: " + describe(r.overlays()));
        for (String column : extraColumns) {
            Path map = out.resolve(id + "-" + column.replace('_', '-') + ".png");
            Renderer.render(table, Figures.request(table, map, rows).withColumns(List.of(column)));
            made.add(map);
        }
        return made;
    }

    static String describe(List<OverlayLine> overlays) {
        List<String> parts = new ArrayList<>();
        for (OverlayLine l : overlays) {
            int points = l.branches().stream().mapToInt(List::size).sum();
            parts.add(l.label() + " (" + points + " roots)");
        }
        return parts.isEmpty() ? "none in range" : String.join(", ", parts);
    }
}

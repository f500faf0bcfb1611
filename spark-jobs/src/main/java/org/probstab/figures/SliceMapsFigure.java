package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.probstab.render.AxisScale;
import org.probstab.render.Renderer;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * One map per value of a third axis of one table (one dataset size N per map, say): the values are those the
 * table's config swept, whatever they are.
 *
 * @param sliceAxis   the axis with one map per value (an axis name such as {@code N})
 * @param y           the map's y axis
 * @param overlays    theory curves over each map
 * @param titleFormat the title of a map, with {@code %s} for the slice value
 */
public record SliceMapsFigure(String id, String paper, List<String> configs, String lookFor,
                              String sliceAxis, String y, List<String> overlays, String titleFormat)
        implements Figure {

    public SliceMapsFigure {
        configs = List.copyOf(configs);
        overlays = List.copyOf(overlays);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        TableData table = tables.get(0);
        List<Path> made = new ArrayList<>();
        for (double v : table.distinct(sliceAxis)) {
            List<DataRow> slice = table.rows().stream().filter(r -> r.get(sliceAxis) == v).toList();
            String value = AxisScale.format(v);
            Path png = out.resolve(id + "-" + sliceAxis.toLowerCase(java.util.Locale.ROOT) + value + ".png");
            Renderer.render(table.withRows(slice), Figures.request(table, png, Figures.overlayRows(quickSize))
                    .withY(y).withOverlays(overlays).withWhere(sliceAxis + " = " + value,
                            String.format(java.util.Locale.ROOT, titleFormat, value)));
            made.add(png);
        }
        notes.add(table.rows().size() + " cells in " + made.size() + " maps, one per " + sliceAxis + " of the config");
        return made;
    }
}

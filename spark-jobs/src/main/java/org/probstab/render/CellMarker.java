package org.probstab.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A filled rectangle of one grid cell's size in pixels, centred on the cell's point: cells of a map tile the plot
 * exactly (widths and heights differ when the grid is not square). Slightly oversized (half a pixel) so that
 * antialiasing leaves no hairline gaps between neighbours.
 */
final class CellMarker extends Marker {

    private final double width;
    private final double height;

    CellMarker(double width, double height) {
        this.width = width + 0.5;
        this.height = height + 0.5;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        g.fill(new Rectangle2D.Double(x - width / 2, y - height / 2, width, height));
    }
}

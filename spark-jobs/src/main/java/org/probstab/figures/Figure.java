package org.probstab.figures;

import java.nio.file.Path;
import java.util.List;
import org.probstab.table.TableData;

/**
 * One figure of the papers: the sweep configs under {@code conf/} that make its tables (each declares its own quick
 * size in a {@code quick} block, see {@link org.probstab.sweep.SweepConfig}), what a reader should look for, and how
 * it is drawn from its tables. Each figure is a value that carries its own drawing; {@link Figures#run} sweeps (or,
 * for net models, trains) the configs and calls {@link #draw}.
 */
public interface Figure {

    /** Short name; its PNG files start with it. */
    String id();

    /** The paper figure(s). */
    String paper();

    /** Config file names under conf/, in the order {@link #draw} receives their tables. */
    List<String> configs();

    /** What a reader should check. */
    String lookFor();

    /**
     * Draws the figure.
     *
     * @param tables one table per config, in {@link #configs()} order
     * @param out    the folder for the PNGs
     * @param quick  whether the tables are the quick ones (fewer overlay rows, fewer simulated runs)
     * @param notes  numbers measured on the way, for the index (one line each)
     * @return the PNGs written
     */
    List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes);
}

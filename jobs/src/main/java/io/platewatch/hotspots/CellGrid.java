package io.platewatch.hotspots;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The hexagonal grid at the job's resolution: the cell of a position, a cell's centre and its
 * neighbourhood. H3 is a native library, so the handle is created lazily in each task and never
 * serialised with the job graph.
 */
public final class CellGrid implements Serializable {

    private final int resolution;
    private transient H3Core h3;

    public CellGrid(int resolution) {
        this.resolution = resolution;
    }

    public int resolution() {
        return resolution;
    }

    /** Whether a position is a usable WGS84 coordinate. */
    public static boolean isValidPosition(double lat, double lon) {
        return Double.isFinite(lat)
                && Double.isFinite(lon)
                && lat >= -90
                && lat <= 90
                && lon >= -180
                && lon <= 180;
    }

    public long cellOf(double lat, double lon) {
        return h3().latLngToCell(lat, lon, resolution);
    }

    public LatLng centre(long cell) {
        return h3().cellToLatLng(cell);
    }

    /** The cell and its six (five at a pentagon) adjacent cells: H3 gridDisk with k = 1. */
    public List<Long> neighbourhood(long cell) {
        return h3().gridDisk(cell, 1);
    }

    public String address(long cell) {
        return h3().h3ToString(cell);
    }

    private H3Core h3() {
        if (h3 == null) {
            try {
                h3 = H3Core.newInstance();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the H3 native library", e);
            }
        }
        return h3;
    }
}

package io.platewatch.hotspots;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which withheld values of a cell's day table can be recovered exactly from the published sums.
 *
 * <p>The table has a row per hour plus the day row, and a column per category plus the total
 * column. Each value appears in exactly two linear relations: its row's (categories sum to the
 * total) and its column's (hours sum to the day). Take the rows and columns as vertices and each
 * withheld value as an edge between its row and its column. Moving the published values to the
 * right-hand side leaves a linear system in the withheld values whose matrix is, after flipping the
 * signs of the day row and the total column, the incidence matrix of that bipartite graph. The
 * solutions differ by elements of its null space, which is spanned by the graph's even cycles (add
 * one along a cycle, subtract one on the next edge). So a withheld value is pinned to a single
 * value exactly when its edge lies on no cycle, that is when it is a bridge.
 *
 * <p>Why withholding every day entry whose column has a withheld hour is always safe: every hour
 * row has zero or at least two withheld entries, so an hour edge (h, c) has a sibling (h, c'), and
 * with both day edges present h-c-day-c'-h is a cycle; a day edge (day, c) lies on the same kind of
 * cycle through any hour withheld in column c.
 *
 * <p>This is exact disclosure only. Bounds still narrow what a withheld value can be (counts are
 * not negative; a hidden hour's count is below k), which is stated in the package documentation.
 */
public final class SuppressionGraph {

    private SuppressionGraph() {}

    /**
     * Number of withheld values that the published sums determine exactly.
     *
     * @param hourlyHidden the withheld pattern of each hour row, {@code TOTAL + 1} entries each
     * @param dayHidden the withheld pattern of the day row
     */
    public static int bridgeCount(List<boolean[]> hourlyHidden, boolean[] dayHidden) {
        int columns = dayHidden.length;
        int dayVertex = hourlyHidden.size();
        int vertices = dayVertex + 1 + columns;
        List<int[]> edges = new ArrayList<>();
        for (int h = 0; h < hourlyHidden.size(); h++) {
            for (int c = 0; c < columns; c++) {
                if (hourlyHidden.get(h)[c]) {
                    edges.add(new int[] {h, dayVertex + 1 + c});
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            if (dayHidden[c]) {
                edges.add(new int[] {dayVertex, dayVertex + 1 + c});
            }
        }
        int bridges = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!connectedWithout(vertices, edges, e)) {
                bridges++;
            }
        }
        return bridges;
    }

    /** Whether the two ends of edge {@code skip} are still connected once it is removed. */
    private static boolean connectedWithout(int vertices, List<int[]> edges, int skip) {
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            adjacent.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            if (e != skip) {
                adjacent.get(edges.get(e)[0]).add(edges.get(e)[1]);
                adjacent.get(edges.get(e)[1]).add(edges.get(e)[0]);
            }
        }
        int from = edges.get(skip)[0];
        int to = edges.get(skip)[1];
        boolean[] seen = new boolean[vertices];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        seen[from] = true;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to) {
                return true;
            }
            for (int next : adjacent.get(v)) {
                if (!seen[next]) {
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        return false;
    }
}

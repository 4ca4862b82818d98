/**
 * De-identified crime hot-spot analytics: the hot-spot job and its rules.
 *
 * <p>Incidents, live sightings of flagged vehicles and plate reads are mapped to H3 cells
 * (resolution 8 by default) by {@link io.platewatch.hotspots.ToHotspotEvents}, counted per cell in
 * hourly event-time windows that roll up into UTC days ({@link
 * io.platewatch.hotspots.HotspotPipeline}), suppressed ({@link
 * io.platewatch.hotspots.Suppression}), scored with Getis-Ord Gi* and labelled with an emerging
 * hot-spot trend ({@link io.platewatch.hotspots.WindowStatistics}), and published as {@link
 * io.platewatch.schemas.HotspotCell}s.
 *
 * <h2>De-identification</h2>
 *
 * <p><b>What leaves the job.</b> Only hot-spot cells: an H3 cell id and centre, a window, counts, a
 * z-score and a trend label. The entry step drops plates, read ids, camera ids, sites,
 * organisations and every vehicle or person attribute before anything is keyed or kept in state;
 * the one internal identifier, a 64-bit digest of (camera, read id) that makes a read matching
 * several flags count as one sighting, lives only in window state. Dead letters name the incident
 * id only. Nothing is finer than one cell (about 0.74 km² at resolution 8) and one hour.
 *
 * <p><b>Primary suppression.</b> A count from 1 to k-1 (k = 5 by default) is published as {@code
 * {value: null, suppressed: true}}. Zero is published: it identifies no one. The incident value is
 * withheld when fewer than k incidents contributed a value.
 *
 * <p><b>Secondary suppression within a window.</b> The category counts of a cell and window add up
 * to the published total. If exactly one category were withheld, it would be the total minus the
 * others, so the next smallest non-zero category is withheld too (the total stays published because
 * it feeds the day and Gi*). Example: THEFT 3, FUEL 6, ROBBERY 9, total 18: primary suppression
 * alone hides THEFT = 18 - 6 - 9; withholding FUEL as well leaves THEFT + FUEL = 9.
 *
 * <p><b>Hours against days.</b> The day is a second view of the same counts: for each category and
 * the total, the day equals the sum of its 24 hours. A day published next to hours of which exactly
 * one was withheld gives that hour back by subtraction. Taking the hours and the day as rows, the
 * categories and the total as columns, every value sits in one row sum and one column sum; a
 * withheld value can be recovered exactly from the published sums if and only if it is a bridge in
 * the graph of withheld values (rows and columns as vertices; proof in {@link
 * io.platewatch.hotspots.SuppressionGraph}). Hours are published first and cannot be taken back, so
 * the day withholds more of its own entries until no withheld value is a bridge, falling back to
 * withholding every day entry whose column has a withheld hour (always safe). Sightings, reads and
 * value are in no row sum: their day is withheld when exactly one hour was. A test checks the rule
 * on random tables against plain linear algebra.
 *
 * <p><b>Gi* without leaks.</b> A z-score computed from true counts would let a determined reader
 * solve for withheld counts. Gi* is therefore computed from what an analyst can know: the published
 * total, or for a withheld one an estimate from published values and the public rule (k/2 for a
 * withheld hour; for a withheld day, its published hours plus k/2 per withheld hour). A z-score is
 * a function of published data only; in sparse areas it is approximate.
 *
 * <p><b>Limits.</b>
 *
 * <ul>
 *   <li>Only exact recovery through the published sums is prevented. Bounds still narrow a withheld
 *       value: counts are not negative and a primary-withheld count is below k, so when a withheld
 *       pair sums to k+1 each member is 1 or k. No protection interval is enforced.
 *   <li>Versions can be differenced: late data publishes a newer version of a cell; someone who
 *       kept both versions learns the late change, even when it is below k. Elasticsearch keeps
 *       only the newest version, the Kafka topic keeps seven days of them.
 *   <li>Windows are not compared with each other beyond hour and day (no week, no overlapping
 *       areas), and neighbouring cells are not summed by the job, but an analyst summing cells or
 *       windows only adds published values.
 *   <li>There is no dominance rule for the incident value: one large loss among k incidents
 *       dominates the sum.
 *   <li>A cell with a single site and a single reporting organisation reveals that organisation's
 *       counts (at or above k). The job keeps no organisation, so it cannot require several.
 *   <li>Incidents that name only a site are not placed (dead letter): the job has no site register.
 * </ul>
 *
 * <h2>Windows and time</h2>
 *
 * <p>Event time is capture time (reads, alerts) and occurrence time (incidents). Hours and days are
 * UTC. An event within the allowed lateness (2 h by default) after its hour closed updates the hour
 * and its day: a newer version with a later {@code computedAt} and the same document id. A later
 * event is counted in the {@code lateEvents} metric and sent to the late-event sink. Historical
 * alerts (the read predates the flag) are skipped and counted.
 *
 * <h2>Emerging hot spots</h2>
 *
 * <p>Per window, Gi* over each cell's H3 neighbourhood (gridDisk k = 1, binary weights including
 * the cell), with the study area being the cells that have any data in that window ({@link
 * io.platewatch.hotspots.GiStar}); trend labels over the last N windows ({@link
 * io.platewatch.hotspots.TrendClassifier}). The statistics need all cells of a window together, so
 * they run with parallelism 1 per granularity.
 */
package io.platewatch.hotspots;

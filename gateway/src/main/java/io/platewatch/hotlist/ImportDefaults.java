package io.platewatch.hotlist;

import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;

/**
 * Values a hotlist row takes when its file has no column for them.
 *
 * @param owner owning organisation for rows without an owner column; null requires the column
 * @param createdBy user or system recorded as the creator of every flag
 * @param justification lawful justification for rows without one; null requires the column
 * @param category category for rows that leave it empty
 * @param sharing sharing level for rows that leave it empty
 * @param priority priority for rows that leave it empty
 * @param regionPrefix country put before bare subdivision codes, so that with "US" the state "CA"
 *     becomes "US-CA"; null when regions are given in full
 * @param monthFirst read slashed dates as month/day/year (US files) rather than day/month/year
 */
public record ImportDefaults(
        String owner,
        String createdBy,
        String justification,
        FlagCategory category,
        SharingLevel sharing,
        Priority priority,
        String regionPrefix,
        boolean monthFirst) {

    public ImportDefaults {
        createdBy = createdBy == null ? "hotlist-import" : createdBy;
        category = category == null ? FlagCategory.OTHER : category;
        sharing = sharing == null ? SharingLevel.OWNER_ONLY : sharing;
        priority = priority == null ? Priority.MEDIUM : priority;
    }
}

package io.platewatch.hotlist;

import io.platewatch.gateway.Regions;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one hotlist row into a flag event, one method per column rule. A row breaking a rule is
 * refused with a {@link RowRejected} naming the column and the rule; plate text never appears in
 * the reason.
 */
public final class FlagRowMapper {
    /** Letters and digits, with '?' for one unknown character and '*' for any run. */
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9?*]{1,12}");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]");
    private static final int MAX_REASON = 200;

    private static final Map<String, FlagCategory> CATEGORIES =
            Map.ofEntries(
                    Map.entry("stolen", FlagCategory.STOLEN),
                    Map.entry("stolen_vehicle", FlagCategory.STOLEN),
                    Map.entry("stolen_plate", FlagCategory.STOLEN),
                    Map.entry("police", FlagCategory.POLICE_INTEREST),
                    Map.entry("police_interest", FlagCategory.POLICE_INTEREST),
                    Map.entry("wanted", FlagCategory.POLICE_INTEREST),
                    Map.entry("banned", FlagCategory.BANNED_FROM_SITE),
                    Map.entry("banned_from_site", FlagCategory.BANNED_FROM_SITE),
                    Map.entry("trespass", FlagCategory.BANNED_FROM_SITE),
                    Map.entry("incident", FlagCategory.INCIDENT_LINKED),
                    Map.entry("incident_linked", FlagCategory.INCIDENT_LINKED),
                    Map.entry("drive_off", FlagCategory.INCIDENT_LINKED),
                    Map.entry("other", FlagCategory.OTHER));

    private static final Map<String, SharingLevel> SHARING =
            Map.ofEntries(
                    Map.entry("owner", SharingLevel.OWNER_ONLY),
                    Map.entry("owner_only", SharingLevel.OWNER_ONLY),
                    Map.entry("private", SharingLevel.OWNER_ONLY),
                    Map.entry("police", SharingLevel.POLICE_ONLY),
                    Map.entry("police_only", SharingLevel.POLICE_ONLY),
                    Map.entry("groups", SharingLevel.SHARING_GROUPS),
                    Map.entry("sharing_groups", SharingLevel.SHARING_GROUPS),
                    Map.entry("all", SharingLevel.ALL_PARTNERS),
                    Map.entry("partners", SharingLevel.ALL_PARTNERS),
                    Map.entry("all_partners", SharingLevel.ALL_PARTNERS));

    private final ImportDefaults defaults;
    private final Clock clock;

    public FlagRowMapper(ImportDefaults defaults, Clock clock) {
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The ADD event for a row; the importer turns it into UPDATE when the flag exists. */
    public VehicleFlag map(Map<HotlistColumn, String> row) {
        Instant now = clock.instant();
        String plate = plate(row.get(HotlistColumn.PLATE));
        String region = region(row.get(HotlistColumn.REGION));
        String owner = owner(row.get(HotlistColumn.OWNER));
        Instant validFrom = validFrom(row.get(HotlistColumn.VALID_FROM), now);
        Instant expiresAt = expiry(row.get(HotlistColumn.EXPIRY), now);
        if (expiresAt != null && !expiresAt.isAfter(validFrom)) {
            throw new RowRejected("expiry is not after valid_from");
        }
        return VehicleFlag.newBuilder()
                .setFlagId(FlagIds.of(owner, plate, region))
                .setAction(FlagAction.ADD)
                .setPlate(plate)
                .setRegion(region)
                .setCategory(category(row.get(HotlistColumn.CATEGORY)))
                .setReason(reason(row.get(HotlistColumn.REASON)))
                .setOwnerOrganisationId(owner)
                .setIncidentId(blankToNull(row.get(HotlistColumn.INCIDENT)))
                .setPriority(priority(row.get(HotlistColumn.PRIORITY)))
                .setValidFrom(validFrom)
                .setExpiresAt(expiresAt)
                .setSharing(
                        sharing(
                                row.get(HotlistColumn.SHARING),
                                row.get(HotlistColumn.SHARING_GROUPS)))
                .setCovert(covert(row.get(HotlistColumn.COVERT)))
                .setCreatedBy(defaults.createdBy())
                .setJustification(justification(row.get(HotlistColumn.JUSTIFICATION)))
                .setUpdatedAt(now)
                .build();
    }

    /** Upper case without spaces, dashes or dots: the form matching compares. */
    String plate(String value) {
        if (isBlank(value)) {
            throw new RowRejected("plate is empty");
        }
        String plate = SEPARATORS.matcher(value.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        if (!PLATE.matcher(plate).matches()) {
            throw new RowRejected(
                    "plate must be 1 to 12 letters or digits, with ? or * as wildcards");
        }
        if (plate.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new RowRejected("plate must hold at least one letter or digit");
        }
        return plate;
    }

    String region(String value) {
        if (isBlank(value)) {
            return null;
        }
        String code = value.strip();
        if (defaults.regionPrefix() != null && !code.contains("-") && code.length() <= 3) {
            String asSubdivision = Regions.normalise(defaults.regionPrefix() + "-" + code);
            if (asSubdivision != null && !code.equalsIgnoreCase(defaults.regionPrefix())) {
                return asSubdivision;
            }
        }
        String region = Regions.normalise(code);
        if (region == null) {
            throw new RowRejected("region must be an ISO 3166 code such as NZ, GB or US-CA");
        }
        return region;
    }

    String owner(String value) {
        String owner = isBlank(value) ? defaults.owner() : value.strip();
        if (isBlank(owner)) {
            throw new RowRejected("owner is empty and no default owner was given");
        }
        return owner;
    }

    FlagCategory category(String value) {
        if (isBlank(value)) {
            return defaults.category();
        }
        FlagCategory category = CATEGORIES.get(key(value));
        if (category == null) {
            throw new RowRejected(
                    "category must be one of stolen, police_interest, banned_from_site,"
                            + " incident_linked, other");
        }
        return category;
    }

    String reason(String value) {
        if (isBlank(value)) {
            throw new RowRejected("reason is empty");
        }
        String reason = value.strip();
        if (reason.length() > MAX_REASON) {
            throw new RowRejected("reason is longer than " + MAX_REASON + " characters");
        }
        return reason;
    }

    Priority priority(String value) {
        if (isBlank(value)) {
            return defaults.priority();
        }
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("priority must be low, medium, high or critical");
        }
    }

    Instant validFrom(String value, Instant now) {
        return isBlank(value) ? now : date(value, "valid_from", false);
    }

    Instant expiry(String value, Instant now) {
        if (isBlank(value)) {
            return null;
        }
        Instant expiry = date(value, "expiry", true);
        if (!expiry.isAfter(now)) {
            throw new RowRejected("expiry is in the past");
        }
        return expiry;
    }

    /**
     * A date or date-time. A bare date means the start of that day (UTC), or its end for an expiry,
     * so a flag "expiring 31/12" still alerts on the 31st.
     */
    Instant date(String value, String column, boolean endOfDay) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            LocalDate day = day(text, column);
            LocalDate start = endOfDay ? day.plusDays(1) : day;
            Instant instant = start.atStartOfDay().toInstant(ZoneOffset.UTC);
            return endOfDay ? instant.minusMillis(1) : instant;
        }
    }

    private LocalDate day(String text, String column) {
        List<DateTimeFormatter> formats =
                List.of(
                        DateTimeFormatter.ISO_LOCAL_DATE,
                        DateTimeFormatter.ofPattern(
                                defaults.monthFirst() ? "M/d/uuuu" : "d/M/uuuu"));
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, format);
            } catch (DateTimeParseException next) {
                // Try the next accepted format.
            }
        }
        throw new RowRejected(
                column
                        + " must be a date (2026-12-31 or "
                        + (defaults.monthFirst() ? "12/31/2026" : "31/12/2026")
                        + ") or an ISO-8601 time with offset");
    }

    SharingScope sharing(String level, String groups) {
        List<String> groupList =
                isBlank(groups)
                        ? List.of()
                        : Arrays.stream(groups.split("[;|,]"))
                                .map(String::strip)
                                .filter(g -> !g.isEmpty())
                                .toList();
        SharingLevel sharingLevel;
        if (isBlank(level)) {
            sharingLevel = groupList.isEmpty() ? defaults.sharing() : SharingLevel.SHARING_GROUPS;
        } else {
            sharingLevel = SHARING.get(key(level));
            if (sharingLevel == null) {
                throw new RowRejected(
                        "sharing must be owner_only, sharing_groups, police_only or all_partners");
            }
        }
        if (sharingLevel == SharingLevel.SHARING_GROUPS && groupList.isEmpty()) {
            throw new RowRejected("sharing_groups needs at least one group in sharing_groups");
        }
        return new SharingScope(sharingLevel, groupList);
    }

    boolean covert(String value) {
        if (isBlank(value)) {
            return false;
        }
        return switch (key(value)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new RowRejected("covert must be yes or no");
        };
    }

    String justification(String value) {
        String justification = isBlank(value) ? defaults.justification() : value.strip();
        if (isBlank(justification)) {
            throw new RowRejected("justification is empty and no default was given");
        }
        return justification;
    }

    private static String key(String value) {
        return HotlistColumn.normalise(value);
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package io.platewatch.hotlist;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a hotlist can carry, each with the header names vendors and agencies use for it.
 * Headers are compared after lower-casing and turning every run of other characters into one
 * underscore, so "Licence Plate", "licence-plate" and "LICENCE_PLATE" are the same column.
 */
public enum HotlistColumn {
    PLATE(
            "plate",
            "plate_number",
            "plate_no",
            "platenumber",
            "licence",
            "license",
            "licence_plate",
            "license_plate",
            "licence_number",
            "license_number",
            "registration",
            "registration_number",
            "rego",
            "vrm",
            "vrn",
            "number_plate",
            "numberplate",
            "tag",
            "lp"),
    REGION(
            "region",
            "state",
            "jurisdiction",
            "country",
            "plate_state",
            "plate_region",
            "issuing_state",
            "province"),
    CATEGORY("category", "type", "flag_type", "list", "list_type", "alert_type", "hit_type"),
    REASON("reason", "description", "notes", "note", "comment", "comments", "details"),
    OWNER(
            "owner",
            "owner_org",
            "owner_organisation",
            "owner_organization",
            "organisation",
            "organization",
            "org",
            "agency"),
    EXPIRY(
            "expiry",
            "expires",
            "expires_at",
            "expiry_date",
            "expiration",
            "expiration_date",
            "valid_until",
            "end_date"),
    SHARING("sharing", "sharing_scope", "scope", "visibility", "share"),
    SHARING_GROUPS("sharing_groups", "groups", "share_with"),
    PRIORITY("priority", "urgency"),
    INCIDENT("incident", "incident_id", "case", "case_number", "case_id", "reference"),
    COVERT("covert", "silent"),
    VALID_FROM("valid_from", "start_date", "effective", "effective_date"),
    JUSTIFICATION("justification", "legal_basis", "authority");

    private final List<String> aliases;

    HotlistColumn(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The column a header names, if any. */
    public static Optional<HotlistColumn> forHeader(String header) {
        String key = normalise(header);
        for (HotlistColumn column : values()) {
            if (column.aliases.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Header names accepted for this column, for error messages. */
    public List<String> aliases() {
        return aliases;
    }

    static String normalise(String header) {
        return header.strip()
                .replace("\uFEFF", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}

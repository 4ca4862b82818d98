package io.platewatch.alerting;

import io.platewatch.schemas.Audience;
import io.platewatch.schemas.SharingLevel;
import java.util.Arrays;
import java.util.List;

/**
 * Who may receive an alert, from the flag alone: its sharing scope, with the owner always named. A
 * covert flag alerts its owner only (OWNER_ONLY, no groups), so the organisation operating the
 * camera never learns that the vehicle is of interest unless it owns the flag. The site's
 * organisation is never added by this policy: it receives an alert only through the scope.
 */
public final class AudiencePolicy {

    private AudiencePolicy() {}

    public static Audience audienceOf(CompactFlag flag) {
        List<String> owner = List.of(flag.ownerOrganisationId);
        if (flag.covert) {
            return new Audience(SharingLevel.OWNER_ONLY, owner, List.of());
        }
        List<String> groups =
                flag.sharingLevel == SharingLevel.SHARING_GROUPS
                        ? Arrays.asList(flag.sharingGroups.clone())
                        : List.of();
        return new Audience(flag.sharingLevel, owner, groups);
    }
}

package io.platewatch.hotlist;

import java.util.Set;

/** The ids of flags that are live now (added or updated, not removed). */
@FunctionalInterface
public interface ExistingFlags {

    Set<String> liveFlagIds();

    /** No flags: every imported row is new. */
    static ExistingFlags none() {
        return Set::of;
    }
}

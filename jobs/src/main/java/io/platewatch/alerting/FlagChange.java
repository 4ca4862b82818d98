package io.platewatch.alerting;

import java.util.Objects;

/**
 * One change to the set of active flags, addressed to where the flag lives: a match key, or the
 * broadcast wildcard set ({@link #WILDCARD_ROUTE}).
 */
public class FlagChange {

    /** Route of wildcard flags. No match key can equal it: keys hold letters and digits only. */
    public static final String WILDCARD_ROUTE = "*";

    /** What happens to the flag. */
    public enum Kind {
        /** Add the flag, or replace it when it is already there. */
        UPSERT,
        /** Drop the flag now. */
        REMOVE
    }

    public Kind kind;
    public String flagId;

    /** Match key or {@link #WILDCARD_ROUTE}; null on a REMOVE that the router has not resolved. */
    public String route;

    /** The flag; null on REMOVE. */
    public CompactFlag flag;

    /** Issue time of the lifecycle event, used to ignore stale events. */
    public long updatedAt;

    public FlagChange() {}

    public static FlagChange upsert(CompactFlag flag) {
        FlagChange c = new FlagChange();
        c.kind = Kind.UPSERT;
        c.flagId = flag.flagId;
        c.route = flag.wildcard ? WILDCARD_ROUTE : flag.matchKey;
        c.flag = flag;
        c.updatedAt = flag.updatedAt;
        return c;
    }

    public static FlagChange remove(String flagId, String route, long updatedAt) {
        FlagChange c = new FlagChange();
        c.kind = Kind.REMOVE;
        c.flagId = flagId;
        c.route = route;
        c.updatedAt = updatedAt;
        return c;
    }

    public boolean isWildcard() {
        return WILDCARD_ROUTE.equals(route);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagChange c
                && kind == c.kind
                && updatedAt == c.updatedAt
                && Objects.equals(flagId, c.flagId)
                && Objects.equals(route, c.route)
                && Objects.equals(flag, c.flag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, flagId, updatedAt);
    }

    @Override
    public String toString() {
        return "FlagChange{" + kind + " " + flagId + "}";
    }
}

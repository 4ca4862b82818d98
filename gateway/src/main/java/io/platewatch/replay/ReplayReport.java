package io.platewatch.replay;

import java.util.List;
import java.util.Map;

/**
 * What a replay did with each line of its file. Reasons are the gateway's own, which name fields
 * and limits but never plates.
 *
 * @param lines non-blank lines read
 * @param accepted lines the gateway stored (2xx)
 * @param readsAccepted reads in those lines
 * @param byFormat accepted lines per detected format
 * @param rejected lines refused by the gateway (4xx), or here before sending (status 0)
 * @param failed lines that got no answer or a 5xx after every retry
 */
public record ReplayReport(
        long lines,
        long accepted,
        long readsAccepted,
        Map<String, Long> byFormat,
        List<Problem> rejected,
        List<Problem> failed) {

    /** One line that was not stored. */
    public record Problem(long line, int status, String error, String message) {}
}

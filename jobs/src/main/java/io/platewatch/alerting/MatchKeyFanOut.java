package io.platewatch.alerting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends a read to every match key it could belong to. Flags are stored under the key of their own
 * plate, and an alternative OCR reading usually folds to a different key than the main plate (a
 * misread "8" for "H" is no look-alike), so the read has to visit each distinct key of its main
 * plate and candidates to meet every flag it might match. Candidates that share the main plate's
 * key ride on the main copy; candidates that share another key travel together. Each copy names the
 * strings that led to its key, and exactly one copy, the main plate's, is primary.
 */
public class MatchKeyFanOut implements FlatMapFunction<PreparedRead, KeyedRead> {

    private final LookAlikeFolding folding;

    public MatchKeyFanOut(LookAlikeFolding folding) {
        this.folding = folding;
    }

    @Override
    public void flatMap(PreparedRead read, Collector<KeyedRead> out) {
        String mainKey = folding.matchKey(read.plate);
        Map<String, List<String>> candidatesByKey = new LinkedHashMap<>();
        candidatesByKey.put(mainKey, new ArrayList<>());
        for (String candidate : read.candidates) {
            candidatesByKey
                    .computeIfAbsent(folding.matchKey(candidate), k -> new ArrayList<>())
                    .add(candidate);
        }
        for (Map.Entry<String, List<String>> entry : candidatesByKey.entrySet()) {
            boolean primary = entry.getKey().equals(mainKey);
            out.collect(
                    new KeyedRead(
                            entry.getKey(),
                            read.read,
                            primary ? read.plate : null,
                            entry.getValue().toArray(new String[0]),
                            primary));
        }
    }
}

package io.platewatch.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.SuppressibleCount;
import io.platewatch.schemas.WindowGranularity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotspotCellConverterTest {

    private static final Instant START = Instant.parse("2026-12-31T23:00:00Z");

    @Test
    void aCellBecomesAVersionedDocumentInItsMonthlyIndex() throws Exception {
        IndexRequestEntry entry = new HotspotCellConverter().apply(cell(), null);

        assertThat(entry.index()).isEqualTo("platewatch-hotspots-2026.12");
        assertThat(entry.id()).isEqualTo("88bb2a3a1dfffff:HOUR:" + START.toEpochMilli());
        assertThat(entry.version()).isEqualTo(START.plusSeconds(3605).toEpochMilli());

        JsonNode json = new ObjectMapper().readTree(entry.source());
        assertThat(json.get("incidents").asLong()).isEqualTo(7);
        assertThat(json.get("incidentsSuppressed").asBoolean()).isFalse();
        assertThat(json.get("totalReads").isNull()).isTrue();
        assertThat(json.get("totalReadsSuppressed").asBoolean()).isTrue();
        assertThat(json.at("/incidentsByCategory/THEFT/count").asLong()).isEqualTo(5);
        assertThat(json.at("/incidentsByCategory/ROBBERY/count").isNull()).isTrue();
        assertThat(json.at("/centre/lat").asDouble()).isEqualTo(-36.85);
        assertThat(json.get("trend").asText()).isEqualTo("NEW");
    }

    @Test
    void bufferedEntriesSurviveACheckpointRoundTrip() throws Exception {
        IndexRequestEntry entry = new HotspotCellConverter().apply(cell(), null).nextAttempt();
        IndexRequestEntrySerializer serializer = new IndexRequestEntrySerializer();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.serializeRequestToStream(entry, new DataOutputStream(bytes));

        IndexRequestEntry back =
                serializer.deserializeRequestFromStream(
                        bytes.size(),
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(back).isEqualTo(entry);
    }

    private static HotspotCell cell() {
        return HotspotCell.newBuilder()
                .setCellId("88bb2a3a1dfffff")
                .setResolution(8)
                .setCentre(new GeoPoint(-36.85, 174.76))
                .setGranularity(WindowGranularity.HOUR)
                .setWindowStart(START)
                .setWindowEnd(START.plusSeconds(3600))
                .setIncidentsByCategory(
                        Map.of("THEFT", count(5L), "ROBBERY", withheld(), "OTHER", withheld()))
                .setIncidents(count(7L))
                .setFlaggedSightings(count(0L))
                .setTotalReads(withheld())
                .setIncidentValueCents(count(12_500L))
                .setGiStarZ(2.5)
                .setTrend(HotspotTrend.NEW)
                .setComputedAt(START.plusSeconds(3605))
                .build();
    }

    private static SuppressibleCount count(long value) {
        return SuppressibleCount.newBuilder().setValue(value).setSuppressed(false).build();
    }

    private static SuppressibleCount withheld() {
        return SuppressibleCount.newBuilder().setValue(null).setSuppressed(true).build();
    }
}

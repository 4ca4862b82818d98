package io.platewatch.gateway;

import io.platewatch.schemas.PlateRead;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where accepted reads go. The future completes once every read is durably stored. */
public interface ReadSink {

    CompletableFuture<Void> publish(List<PlateRead> reads);
}

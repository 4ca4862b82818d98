package io.platewatch.hotlist;

import io.platewatch.schemas.VehicleFlag;
import java.util.concurrent.CompletableFuture;

/** Where flag events go; the future completes when the event is durably stored. */
@FunctionalInterface
public interface FlagSink {

    CompletableFuture<Void> send(VehicleFlag flag);
}

package io.platewatch.hotspots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Test sink that keeps every record in memory, under a name, in arrival order. */
final class CollectingSink<T> implements Sink<T> {

    private static final Map<String, List<Object>> RECORDS = new ConcurrentHashMap<>();

    private final String name;

    CollectingSink(String name) {
        this.name = name;
        RECORDS.put(name, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    @SuppressWarnings("unchecked")
    List<T> records() {
        synchronized (RECORDS.get(name)) {
            return new ArrayList<>((List<T>) (List<?>) RECORDS.get(name));
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> target = RECORDS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

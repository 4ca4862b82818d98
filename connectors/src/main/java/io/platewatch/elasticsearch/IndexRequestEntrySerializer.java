package io.platewatch.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Writes buffered requests into checkpoints and reads them back after a restart. */
public final class IndexRequestEntrySerializer
        extends AsyncSinkWriterStateSerializer<IndexRequestEntry> {

    @Override
    protected void serializeRequestToStream(IndexRequestEntry entry, DataOutputStream out)
            throws IOException {
        out.writeUTF(entry.index());
        out.writeUTF(entry.id());
        out.writeLong(entry.version());
        byte[] source = entry.source().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(source.length);
        out.write(source);
        out.writeInt(entry.attempt());
    }

    @Override
    protected IndexRequestEntry deserializeRequestFromStream(long size, DataInputStream in)
            throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        long version = in.readLong();
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        int attempt = in.readInt();
        return new IndexRequestEntry(
                index,
                id,
                version,
                new String(source, java.nio.charset.StandardCharsets.UTF_8),
                attempt);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}

package io.platewatch.cassandra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Stores requests still buffered at a checkpoint, so they are written after a restore. Requests
 * hold only driver value types, so Java serialization is enough; each is length-prefixed.
 */
public final class CassandraWriteRequestSerializer
        extends AsyncSinkWriterStateSerializer<CassandraWriteRequest> {

    @Override
    protected void serializeRequestToStream(CassandraWriteRequest request, DataOutputStream out)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(request);
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    @Override
    protected CassandraWriteRequest deserializeRequestFromStream(long size, DataInputStream in)
            throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (CassandraWriteRequest) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("buffered Cassandra request of an unknown class", e);
        }
    }

    @Override
    public int getVersion() {
        return 1;
    }
}

package io.platewatch.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a savepoint remembers of a {@link SpecificRecordSerializer}: the class and the exact schema
 * its state was written with. On restore, a schema change is accepted when the current schema can
 * read the old one by Avro's rules; the state is then migrated.
 */
public final class SpecificRecordSerializerSnapshot<T extends SpecificRecord>
        implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private Class<T> type;
    private String schemaJson;

    /** For Flink, which reads the fields with {@link #readSnapshot}. */
    public SpecificRecordSerializerSnapshot() {}

    SpecificRecordSerializerSnapshot(Class<T> type, String schemaJson) {
        this.type = type;
        this.schemaJson = schemaJson;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(type.getName());
        byte[] schema = schemaJson.getBytes(StandardCharsets.UTF_8);
        out.writeInt(schema.length);
        out.write(schema);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        String className = in.readUTF();
        byte[] schema = new byte[in.readInt()];
        in.readFully(schema);
        try {
            type = (Class<T>) Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException("record class " + className + " is gone", e);
        }
        schemaJson = new String(schema, StandardCharsets.UTF_8);
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new SpecificRecordSerializer<>(type, schemaJson);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSnapshot) {
        if (!(oldSnapshot instanceof SpecificRecordSerializerSnapshot<T> old)
                || !old.type.getName().equals(type.getName())) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        if (old.schemaJson.equals(schemaJson)) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        Schema current = SpecificData.getForClass(type).getSchema(type);
        Schema written = new Schema.Parser().parse(old.schemaJson);
        boolean readable =
                SchemaCompatibility.checkReaderWriterCompatibility(current, written).getType()
                        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        return readable
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}

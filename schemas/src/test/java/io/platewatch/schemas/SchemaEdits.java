package io.platewatch.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Deliberate edits of a record schema, to show that the compatibility rules can fail. */
final class SchemaEdits {

    private SchemaEdits() {}

    /** {@code record} with {@code added} as its last field. */
    static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = copyFields(record);
        fields.add(added);
        return rebuilt(record, fields);
    }

    /**
     * {@code record} whose enum field {@code fieldName} lost {@code symbol}, keeping its default.
     */
    static Schema withoutEnumSymbol(Schema record, String fieldName, String symbol) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            if (field.name().equals(fieldName)) {
                Schema enumSchema = field.schema();
                List<String> symbols = new ArrayList<>(enumSchema.getEnumSymbols());
                symbols.remove(symbol);
                Schema narrowed =
                        Schema.createEnum(
                                enumSchema.getName(),
                                enumSchema.getDoc(),
                                enumSchema.getNamespace(),
                                symbols,
                                enumSchema.getEnumDefault());
                fields.add(new Schema.Field(field, narrowed));
            } else {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return rebuilt(record, fields);
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        return fields;
    }

    private static Schema rebuilt(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(
                record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}

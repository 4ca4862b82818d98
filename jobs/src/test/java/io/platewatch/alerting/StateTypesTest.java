package io.platewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job's own records are Flink POJOs all the way down: serialized field by field, evolvable in
 * savepoints, never handed to Kryo.
 */
class StateTypesTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                CompactRead.class,
                CompactFlag.class,
                PreparedRead.class,
                KeyedRead.class,
                FlagChange.class,
                Match.class
            })
    void recordIsAPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertNoGenericType(info);
    }

    private static void assertNoGenericType(TypeInformation<?> info) {
        assertThat(info).isNotInstanceOf(GenericTypeInfo.class);
        if (info instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                assertNoGenericType(composite.getTypeAt(i));
            }
        }
    }
}

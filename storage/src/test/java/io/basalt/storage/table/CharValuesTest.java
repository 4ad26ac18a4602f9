package io.basalt.storage.table;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharValuesTest {

    private static final TableDefinition TABLE = TableDefinition.of("main", "t", List.of(
            ColumnDefinition.of("c", LogicalType.character(2)), ColumnDefinition.of("v", LogicalType.varchar(5))));

    @Test
    void charValuesLoseTrailingBlanksBeforeTheirLengthIsChecked() {
        BytesVector chars = strings("ab   ", null, " x", "");
        BytesVector texts = strings("ab   ", "", " x ", "  ");

        ColumnBatch stored = CharValues.withoutTrailingBlanks(TABLE, new ColumnBatch(4, List.of(chars, texts)));

        assertThat(values(stored.column(0))).containsExactly("ab", null, " x", "");
        assertThat(stored.column(1)).isSameAs(texts);
        BatchValidator.validate(TABLE, stored); // "ab" fits CHAR(2)
    }

    @Test
    void aBatchWithoutTrailingBlanksIsKept() {
        ColumnBatch batch = new ColumnBatch(2, List.of(strings("ab", null), strings("x ", "y")));

        assertThat(CharValues.withoutTrailingBlanks(TABLE, batch)).isSameAs(batch);
    }

    private static BytesVector strings(String... values) {
        BytesVector vector = new BytesVector(values.length, 16);
        for (String value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    private static List<String> values(ColumnVector vector) {
        BytesVector strings = (BytesVector) vector;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < strings.positionCount(); i++) {
            values.add(strings.isNull(i) ? null : strings.getString(i));
        }
        return values;
    }
}

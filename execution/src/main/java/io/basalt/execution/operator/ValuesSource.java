package io.basalt.execution.operator;

import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The constant rows of a VALUES list, as one morsel of one batch. */
public final class ValuesSource implements MorselSource {

    private final ValuesNode node;
    private boolean handedOut;

    public ValuesSource(ValuesNode node) {
        this.node = node;
    }

    @Override
    public Morsel next() {
        if (handedOut || node.rows().isEmpty()) {
            return null;
        }
        handedOut = true;
        return output -> output.accept(toBatch(node));
    }

    static ColumnBatch toBatch(ValuesNode node) {
        int rows = node.rows().size();
        List<ColumnVector> columns = new ArrayList<>(node.output().size());
        for (int c = 0; c < node.output().size(); c++) {
            PhysicalKind kind = node.output().get(c).type().physicalKind();
            ColumnVector vector = ColumnVector.create(kind, rows);
            for (List<Object> row : node.rows()) {
                if (row.size() != node.output().size()) {
                    throw new IllegalArgumentException("a VALUES row has " + row.size() + " values for "
                            + node.output().size() + " columns");
                }
                appendBoxed(vector, row.get(c));
            }
            columns.add(vector);
        }
        return new ColumnBatch(rows, columns);
    }

    /** Appends a boxed value of the vector's physical kind (Long, Double, Boolean, BigInteger, String) or NULL. */
    public static void appendBoxed(ColumnVector vector, Object value) {
        if (value == null) {
            vector.appendNull();
        } else if (vector instanceof LongVector longs) {
            longs.append((Long) value);
        } else if (vector instanceof DoubleVector doubles) {
            doubles.append((Double) value);
        } else if (vector instanceof BooleanVector booleans) {
            booleans.append((Boolean) value);
        } else if (vector instanceof Int128Vector wide) {
            wide.append((BigInteger) value);
        } else {
            ((BytesVector) vector).append((String) value);
        }
    }
}

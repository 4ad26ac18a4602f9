package io.basalt.jdbc;

import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The parameters of a prepared statement. The count is always known; types are known only when the
 * session analysed the statement at prepare time, and otherwise the type questions fail with
 * {@link java.sql.SQLFeatureNotSupportedException} rather than guess.
 */
final class BasaltParameterMetaData implements ParameterMetaData {

    private final int count;
    private final List<ParameterDescriptor> descriptors;

    BasaltParameterMetaData(int count, List<ParameterDescriptor> descriptors) {
        this.count = count;
        this.descriptors = descriptors != null && descriptors.size() == count ? descriptors : null;
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        checkIndex(param);
        return descriptors == null ? parameterNullableUnknown : descriptors.get(param - 1).nullable();
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return descriptor(param).type().isSigned();
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return descriptor(param).precision();
    }

    @Override
    public int getScale(int param) throws SQLException {
        return descriptor(param).scale();
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return descriptor(param).sqlType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return descriptor(param).typeName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return descriptor(param).type().javaClassName();
    }

    /** Every Basalt parameter is an input. */
    @Override
    public int getParameterMode(int param) throws SQLException {
        checkIndex(param);
        return parameterModeIn;
    }

    private ParameterDescriptor descriptor(int param) throws SQLException {
        checkIndex(param);
        if (descriptors == null) {
            throw SqlExceptionFactory.notSupported("parameter types are not known before the statement runs: "
                    + "this Basalt session does not analyse statements when preparing them");
        }
        return descriptors.get(param - 1);
    }

    private void checkIndex(int param) throws SQLException {
        if (param < 1 || param > count) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_DESCRIPTOR_INDEX,
                    "parameter index " + param + " is out of range; the statement has " + count + " parameters");
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

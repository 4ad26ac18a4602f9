package io.basalt.jdbc;

import io.basalt.jdbc.net.SocketTransport;
import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.Transport;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link Transport} for a URL among those registered with {@link ServiceLoader}. The driver's
 * class loader is searched once and its providers kept (a transport may share state between its
 * connections); when none of them accepts a URL, the thread's context class loader is searched too, for
 * containers that put {@code basalt.jar} beside the application rather than beside the driver.
 */
final class TransportRegistry {

    /** The driver's own socket transport: built in, so the driver jar alone reaches a server. */
    private static final Transport NETWORK = new SocketTransport();

    private final ClassLoader driverLoader;
    private volatile List<Transport> driverTransports;

    TransportRegistry(ClassLoader driverLoader) {
        this.driverLoader = driverLoader;
    }

    Transport find(String url) throws SQLException {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        if (NETWORK.acceptsUrl(url)) {
            return NETWORK;
        }
        for (Transport transport : driverTransports()) {
            if (transport.acceptsUrl(url)) {
                return transport;
            }
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != driverLoader) {
            for (Transport transport : load(context)) {
                if (transport.acceptsUrl(url)) {
                    return transport;
                }
            }
        }
        throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT, noTransportMessage(parsed));
    }

    private static String noTransportMessage(ConnectionUrl url) {
        String message = "no Basalt transport for " + url + "; ";
        return message + "put basalt.jar on the class path for embedded use";
    }

    private List<Transport> driverTransports() throws SQLException {
        List<Transport> transports = driverTransports;
        if (transports == null) {
            synchronized (this) {
                transports = driverTransports;
                if (transports == null) {
                    transports = load(driverLoader);
                    driverTransports = transports;
                }
            }
        }
        return transports;
    }

    private static List<Transport> load(ClassLoader loader) throws SQLException {
        List<Transport> transports = new ArrayList<>();
        try {
            for (Transport transport : ServiceLoader.load(Transport.class, loader)) {
                transports.add(transport);
            }
        } catch (ServiceConfigurationError e) {
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT,
                    "a Basalt transport on the class path could not be loaded: " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(transports);
    }
}

package io.basalt.server;

/** The command line of {@code basalt server}. */
record ServerArguments(boolean help, String dataDirectory, int port, String bind, String tlsCertificate, String tlsKey,
                       boolean tlsRequired, long memoryLimit, boolean warmUp) {

    /** {@link #memoryLimit()} when {@code --memory-limit} is not given: half the heap, as for embedded databases. */
    static final long DEFAULT_MEMORY_LIMIT = 0;

    static ServerArguments parse(String[] args) {
        String data = null;
        int port = 7433;
        String bind = "127.0.0.1";
        String certificate = null;
        String key = null;
        boolean required = false;
        long memoryLimit = DEFAULT_MEMORY_LIMIT;
        boolean warmUp = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new ServerArguments(true, null, 0, null, null, null, false, DEFAULT_MEMORY_LIMIT, false);
                }
                case "--data" -> data = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg));
                case "--bind" -> bind = value(args, ++i, arg);
                case "--tls-cert" -> certificate = value(args, ++i, arg);
                case "--tls-key" -> key = value(args, ++i, arg);
                case "--tls-required" -> required = true;
                case "--memory-limit" -> memoryLimit = memoryLimit(value(args, ++i, arg));
                case "--warm-up" -> warmUp = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (required && certificate == null) {
            throw new IllegalArgumentException("--tls-required needs --tls-cert and --tls-key");
        }
        return new ServerArguments(false, data, port, bind, certificate, key, required, memoryLimit, warmUp);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long memoryLimit(String text) {
        try {
            return SessionSettings.parseBytes(text);
        } catch (StatementException e) {
            throw new IllegalArgumentException("--memory-limit: " + e.getMessage());
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535: " + text);
        }
    }
}

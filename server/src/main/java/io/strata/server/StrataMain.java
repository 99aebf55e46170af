package io.strata.server;

import io.strata.common.config.StrataConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code strata [start] [--config FILE] [--set key=value]...}. Starts the embedded
 * server and runs until SIGINT/SIGTERM, then shuts down cleanly.
 */
public final class StrataMain {
    private StrataMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        StrataConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("strata: " + e.getMessage());
            System.err.println("usage: strata [start] [--config FILE] [--set key=value]...");
            System.exit(2);
            return;
        }
        StrataServer server;
        try {
            server = StrataServer.start(config);
        } catch (IllegalArgumentException e) {
            // A configuration mistake (storage.type=..., a bad number): the message says what to fix.
            System.err.println("strata: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "strata-shutdown"));
        String host = config.get("server.host");
        // Tests and scripts read this line to learn the port; keep its shape.
        System.out.println("Strata listening on " + host + ":" + server.port() + " (data in " + server.dataDirectory() + ")");
        System.out.println("Connect with: mysql -h" + host + " -P" + server.port() + " -u" + config.get("server.user")
                + " -p" + config.get("server.password"));
        System.out.flush();
        stopped.await();
    }

    static StrataConfig parse(String[] args) throws IOException {
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "start" -> { }
                case "--config" -> configFile = Path.of(valueAfter(args, ++i, arg));
                case "--set" -> {
                    String pair = valueAfter(args, ++i, arg);
                    int equals = pair.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--set wants key=value, got: " + pair);
                    }
                    overrides.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return StrataConfig.load(configFile, overrides);
    }

    private static String valueAfter(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}

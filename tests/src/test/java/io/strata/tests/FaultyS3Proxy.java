package io.strata.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of an S3 endpoint that injects faults into a configurable fraction of
 * requests: a delay (sometimes past the client's timeout), a 503 SlowDown answer, a connection dropped
 * before the request reaches S3, or one dropped after S3 executed it (the client never learns that its
 * PUT succeeded). Every request gets its own connection ({@code Connection: close} is forced on both
 * sides), so each one is decided on its own. Bounded: at most {@value #MAX_CONNECTIONS} connections at
 * once, every socket read waits at most {@value #IO_TIMEOUT_MS} ms.
 */
final class FaultyS3Proxy implements AutoCloseable {
    enum Fault { NONE, DELAY, SLOW_DOWN, DROP_BEFORE, DROP_AFTER }

    private static final int MAX_CONNECTIONS = 64;
    private static final int IO_TIMEOUT_MS = 15_000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final long MAX_DELAY_MS = 2_500;
    private static final byte[] SLOW_DOWN = slowDownResponse();

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Random random;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Map<Fault, AtomicLong> counts = new EnumMap<>(Fault.class);
    private final Thread acceptor;
    private volatile double faultFraction;
    private volatile boolean closed;

    private FaultyS3Proxy(ServerSocket listener, int upstreamPort, long seed) {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        for (Fault fault : Fault.values()) {
            counts.put(fault, new AtomicLong());
        }
        this.acceptor = Thread.ofPlatform().name("faulty-s3-accept").daemon(true).start(this::acceptLoop);
    }

    /** Listens on a free loopback port and forwards to {@code 127.0.0.1:upstreamPort}; no faults until {@link #faultFraction(double)}. */
    static FaultyS3Proxy start(int upstreamPort, long seed) throws IOException {
        return new FaultyS3Proxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort, seed);
    }

    String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The fraction of requests (0 to 1) that get a fault, chosen at random among the four kinds. */
    void faultFraction(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
        }
        faultFraction = fraction;
    }

    long count(Fault fault) {
        return counts.get(fault).get();
    }

    /** Requests that got a fault of any kind. */
    long injected() {
        return counts.entrySet().stream().filter(entry -> entry.getKey() != Fault.NONE)
                .mapToLong(entry -> entry.getValue().get()).sum();
    }

    String counts() {
        return counts.toString();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                connections.acquire();
                Socket client = listener.accept();
                Thread.ofVirtual().name("faulty-s3-connection").start(() -> {
                    try {
                        serve(client);
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException | InterruptedException e) {
                connections.release();
                if (!closed) {
                    System.err.println("faulty S3 proxy stops accepting: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(IO_TIMEOUT_MS);
            InputStream fromClient = client.getInputStream();
            byte[] head = readHead(fromClient);
            if (head == null) {
                return; // the client closed an idle connection
            }
            Fault fault = choose();
            counts.get(fault).incrementAndGet();
            switch (fault) {
                case SLOW_DOWN -> client.getOutputStream().write(SLOW_DOWN);
                case DROP_BEFORE -> client.setSoLinger(true, 0); // close with a reset, nothing forwarded
                case DELAY -> {
                    sleep(delayMs());
                    forward(client, fromClient, head, false);
                }
                case DROP_AFTER -> forward(client, fromClient, head, true);
                case NONE -> forward(client, fromClient, head, false);
            }
        } catch (IOException e) {
            // The client gave up (its timeout) or S3 is down: the client sees a broken connection, as intended.
        }
    }

    private synchronized Fault choose() {
        if (random.nextDouble() >= faultFraction) {
            return Fault.NONE;
        }
        return Fault.values()[1 + random.nextInt(Fault.values().length - 1)];
    }

    private synchronized long delayMs() {
        return 100 + random.nextLong(MAX_DELAY_MS - 100);
    }

    /**
     * Sends the request to S3 and the answer back; with {@code dropAnswer}, waits until S3 has answered
     * (so the request took effect) and then resets the client's connection instead.
     */
    private void forward(Socket client, InputStream fromClient, byte[] head, boolean dropAnswer) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(IO_TIMEOUT_MS);
            OutputStream toUpstream = upstream.getOutputStream();
            toUpstream.write(withConnectionClose(head));
            toUpstream.flush();
            // The body (if any) follows the head; the client sends nothing after it (Connection: close).
            Thread body = Thread.ofVirtual().name("faulty-s3-body").start(() -> copyQuietly(fromClient, toUpstream));
            InputStream fromUpstream = upstream.getInputStream();
            if (dropAnswer) {
                fromUpstream.transferTo(OutputStream.nullOutputStream());
                client.setSoLinger(true, 0);
            } else {
                fromUpstream.transferTo(client.getOutputStream());
            }
            upstream.close();
            client.close();
            join(body);
        }
    }

    private static void copyQuietly(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // One side closed: the exchange is over.
        }
    }

    /** The request line and headers up to and including the blank line; null if the stream ends first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new SocketException("the request ended inside its head");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        throw new SocketException("request head over " + MAX_HEAD_BYTES + " bytes");
    }

    /** The head with any Connection header replaced by {@code Connection: close}. */
    static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.substring(0, text.length() - 4).split("\r\n");
        StringBuilder rewritten = new StringBuilder();
        for (String line : lines) {
            if (!line.regionMatches(true, 0, "Connection:", 0, "Connection:".length())) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        return rewritten.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] slowDownResponse() {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message><Resource>/</Resource>"
                + "<RequestId>faulty-s3-proxy</RequestId></Error>";
        String response = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        return response.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

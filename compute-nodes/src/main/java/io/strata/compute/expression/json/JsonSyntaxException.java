package io.strata.compute.expression.json;

/**
 * JSON text that does not parse: {@link #reason()} is MySQL's (RapidJSON's) wording, {@link #position()} the
 * 0-based character offset where parsing stopped. Callers turn it into error 3140 or 3141.
 */
public final class JsonSyntaxException extends RuntimeException {
    private final String reason;
    private final int position;

    JsonSyntaxException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    public String reason() { return reason; }

    public int position() { return position; }
}

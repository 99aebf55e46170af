package io.strata.protocol.codec;

/** Server status flags of OK and EOF packets (MySQL "SERVER_STATUS_*"). */
public final class ServerStatus {
    private ServerStatus() {}

    public static final int IN_TRANS = 1;
    public static final int AUTOCOMMIT = 1 << 1;
    public static final int MORE_RESULTS_EXISTS = 1 << 3;
    public static final int NO_GOOD_INDEX_USED = 1 << 4;
    public static final int NO_INDEX_USED = 1 << 5;
    public static final int CURSOR_EXISTS = 1 << 6;
    public static final int LAST_ROW_SENT = 1 << 7;
}

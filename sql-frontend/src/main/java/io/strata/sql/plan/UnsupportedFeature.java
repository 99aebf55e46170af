package io.strata.sql.plan;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

/** The error for SQL that parses and validates but that Strata cannot run yet (1235). */
public final class UnsupportedFeature {
    private UnsupportedFeature() {}

    public static StrataException of(String what) {
        return StrataException.of(ErrorCode.ER_NOT_SUPPORTED_YET, "This version of Strata doesn't yet support '%s'", what);
    }
}

package io.strata.sql;

import io.strata.common.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SessionFixture} with database {@code bank}, table {@code accounts (id, balance)} holding
 * (1, 100), (2, 200), (3, 300), and a second session {@link #other} on it: for tests of two transactions.
 */
abstract class TwoBankSessions extends SessionFixture {
    Session other;

    @BeforeEach
    void createAccounts() {
        ok("CREATE DATABASE bank");
        ok("USE bank");
        ok("CREATE TABLE accounts (id INT PRIMARY KEY, balance INT)");
        ok("INSERT INTO accounts VALUES (1, 100), (2, 200), (3, 300)");
        other = factory.open("root", "bank", 2);
    }

    @AfterEach
    void closeOther() {
        other.close();
    }
}

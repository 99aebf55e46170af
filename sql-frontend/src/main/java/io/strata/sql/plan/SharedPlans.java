package io.strata.sql.plan;

import io.strata.sql.catalog.StrataTable;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Plans shared by every session of a server, so that a statement that many connections prepare (a
 * connection pool's, a benchmark's, a short-lived web request's) is validated and optimized once rather
 * than once per connection. A plan is named by what it plans ({@link Kind}), the current database and
 * the statement text, and handed to a transaction only if every table it reads has there the definition
 * it was planned with (a dropped, recreated or altered table, an index made or dropped: planned again).
 * Plans that took session values (variables, {@code DATABASE()}...) or read in-memory tables
 * (information_schema, whose rows become part of the plan) are never shared. Callers asking for a name
 * that another session is planning wait for that plan instead of planning it too. At most
 * {@value #MAX_PLANS} plans are kept, the least recently used dropped first. Thread-safe.
 */
public final class SharedPlans {
    static final int MAX_PLANS = 1024;

    /** What a shared plan plans: a prepared query, or the row selection of a prepared UPDATE or DELETE. */
    public enum Kind { QUERY, ROW_SELECTION }

    private record Name(Kind kind, String database, String sql) {}

    /** A kept plan and the definitions of the tables it reads, in the order {@link #tablesOf} gives them. */
    private record Shared(PlannedQuery plan, List<TableDefinition> tables) {}

    private final Map<Name, Shared> plans = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Name, Shared> eldest) {
            return size() > MAX_PLANS;
        }
    };
    private final ConcurrentHashMap<Name, CompletableFuture<Shared>> planning = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * The shared plan named by {@code kind}, {@code database} (null: none) and {@code sql} if it fits
     * {@code transaction}, else the plan {@code planner} makes (kept for the other sessions when it may be
     * shared). A planner's error reaches its caller only: sessions waiting for it plan for themselves.
     */
    public PlannedQuery plan(Kind kind, String database, String sql, Transaction transaction,
                             Supplier<PlannedQuery> planner) {
        Name name = new Name(kind, database, sql);
        Shared kept;
        synchronized (plans) {
            kept = plans.get(name);
        }
        if (kept != null && fits(kept, transaction)) {
            hits.increment();
            return kept.plan();
        }
        CompletableFuture<Shared> mine = new CompletableFuture<>();
        CompletableFuture<Shared> theirs = planning.putIfAbsent(name, mine);
        if (theirs != null) {
            Shared planned = awaitQuietly(theirs);
            if (planned != null && fits(planned, transaction)) {
                hits.increment();
                return planned.plan();
            }
            misses.increment();
            return planner.get();
        }
        misses.increment();
        Shared planned = null;
        try {
            PlannedQuery plan = planner.get();
            planned = shareable(plan).orElse(null);
            if (planned != null) {
                synchronized (plans) {
                    plans.put(name, planned);
                }
            }
            return plan;
        } finally {
            mine.complete(planned);
            planning.remove(name, mine);
        }
    }

    /** Plans handed out from the shared ones (SHOW STATUS: Strata_shared_plan_hits). */
    public long hits() {
        return hits.sum();
    }

    /** Plans made because no shared one fitted (SHOW STATUS: Strata_shared_plan_misses). */
    public long misses() {
        return misses.sum();
    }

    private static Shared awaitQuietly(CompletableFuture<Shared> planned) {
        try {
            return planned.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    /** {@code plan} with the definitions it read, or empty when it must stay with its session. */
    private static Optional<Shared> shareable(PlannedQuery plan) {
        if (plan.sessionDependent()) {
            return Optional.empty();
        }
        return tablesOf(plan).map(tables -> new Shared(plan, tables));
    }

    /** The definitions of the tables the plan reads, or empty if it reads any other kind of table. */
    private static Optional<List<TableDefinition>> tablesOf(PlannedQuery plan) {
        List<TableDefinition> tables = new ArrayList<>();
        for (RelOptTable table : RelOptUtil.findAllTables(plan.rel())) {
            StrataTable strata = table.unwrap(StrataTable.class);
            if (strata == null) {
                return Optional.empty();
            }
            tables.add(strata.definition());
        }
        return Optional.of(tables);
    }

    /** Whether {@code transaction} sees every table of the plan with the definition it was planned with. */
    private static boolean fits(Shared shared, Transaction transaction) {
        for (TableDefinition planned : shared.tables()) {
            Optional<TableDefinition> current = transaction.catalog().table(planned.database(), planned.name());
            if (current.isEmpty() || (current.get() != planned && !current.get().equals(planned))) {
                return false;
            }
        }
        return true;
    }
}

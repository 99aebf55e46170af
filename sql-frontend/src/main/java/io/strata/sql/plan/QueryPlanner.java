package io.strata.sql.plan;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Validates a query against one transaction's schema tree and turns it into an optimized logical
 * plan: SqlToRelConverter, sub-query removal, INTERSECT/EXCEPT as aggregates, decorrelation, field
 * trimming, heuristic pushdown rules, semi-join reduction of aggregates, join ordering, then window calls as
 * Window nodes. Not thread-safe; one planner serves one statement.
 */
public final class QueryPlanner {
    static {
        io.strata.sql.parser.CalciteDefaults.install();
    }

    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
            SqlOperatorTables.of(MysqlOperators.DIVIDE, MysqlOperators.INTEGER_DIVIDE, MysqlStringFunctions.REGEXP,
                    MysqlStringFunctions.NOT_REGEXP),
            // Before Calcite's: MySQL reads strings as dates (and numbers as strings) where Calcite refuses them.
            SqlOperatorTables.of(MysqlDateFunctions.FUNCTIONS),
            SqlOperatorTables.of(MysqlIntervals.FUNCTION),
            SqlOperatorTables.of(MysqlWindowFunctions.RANKS),
            SqlOperatorTables.of(MysqlStringFunctions.FUNCTIONS),
            // MySQL functions that Calcite files under other libraries.
            SqlOperatorTables.of(SqlLibraryOperators.IF, SqlLibraryOperators.IFNULL, MysqlOperators.LENGTH,
                    SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.GREATEST,
                    SqlLibraryOperators.LEAST, MysqlOperators.LOCATE),
            SqlOperatorTables.of(MysqlOperators.VECTOR_FUNCTIONS),
            SqlOperatorTables.of(JsonOperators.OPERATORS),
            new ShadowedFunctions(StandardOperators.INSTANCE),
            new ShadowedFunctions(JsonOperators.withoutCalcites(
                    SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.MYSQL))));

    private static final HepProgram SUB_QUERY_REMOVAL = new HepProgramBuilder()
            .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
            .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
            .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
            .build();

    /**
     * INTERSECT and EXCEPT [DISTINCT] as a UNION ALL of each input's distinct rows, grouped again and filtered
     * by the count of inputs each row came from (NULLs group together, strings under the collation).
     */
    private static final HepProgram SET_OPERATIONS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.INTERSECT_TO_DISTINCT)
            .addRuleInstance(CoreRules.MINUS_TO_DISTINCT)
            .build();

    private static final HepProgram LOGICAL_REWRITES = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
            .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
            .addRuleInstance(CoreRules.FILTER_PROJECT_TRANSPOSE)
            .addRuleInstance(CoreRules.FILTER_AGGREGATE_TRANSPOSE)
            .addRuleInstance(CoreRules.FILTER_MERGE)
            .addRuleInstance(CoreRules.PROJECT_MERGE)
            .addRuleInstance(CoreRules.PROJECT_REMOVE)
            .addRuleInstance(CoreRules.AGGREGATE_PROJECT_MERGE)
            .build();

    /**
     * Aggregates joined with an input that holds few of their group keys' values are first semi-joined with
     * those values ({@link SemiJoinReductionRule}); before join ordering, which then sees the smaller aggregates.
     */
    private static final HepProgram SEMI_JOIN_REDUCTION = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(SemiJoinReductionRule.INSTANCE)
            .build();

    /**
     * Join order from conditions and table sizes instead of the FROM clause's: GATHER_JOINS puts adjacent
     * inner and outer joins into one MultiJoin, ORDER_JOINS rebuilds it greedily with Calcite's
     * LoptOptimizeJoinRule (row counts from the tables' statistics; joins with a condition before cross
     * products; outer joins keep their sides). In FROM order, tables named before the ones linking them
     * were multiplied as cross products.
     */
    private static final HepProgram GATHER_JOINS = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
            .addRuleInstance(CoreRules.PROJECT_MULTI_JOIN_MERGE)
            .addRuleInstance(CoreRules.FILTER_MULTI_JOIN_MERGE)
            .build();
    private static final HepProgram ORDER_JOINS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
            .build();

    private static final HepProgram PROJECTS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.PROJECT_MERGE)
            .addRuleInstance(CoreRules.PROJECT_REMOVE)
            .build();

    /** Window functions (RexOver in a projection) become a Window node between two projections. */
    private static final HepProgram WINDOWS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .build();

    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(StrataTypeSystem.INSTANCE);
    private final CalciteCatalogReader catalogReader;
    private final SqlValidator validator;

    /** @param defaultDatabase the session's current database, or null */
    public QueryPlanner(CalciteSchema root, String defaultDatabase) {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlConformanceEnum.MYSQL_5.name());
        List<String> defaultPath = defaultDatabase == null ? List.of() : List.of(defaultDatabase);
        this.catalogReader = new CalciteCatalogReader(root, defaultPath, typeFactory,
                new CalciteConnectionConfigImpl(properties));
        this.validator = newValidator();
    }

    private SqlValidator newValidator() {
        return new MysqlValidator(SqlOperatorTables.chain(OPERATORS, catalogReader), catalogReader,
                typeFactory, SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.MYSQL_5)
                        .withTypeCoercionFactory(MysqlTypeCoercion::new)
                        .withIdentifierExpansion(true)
                        .withDefaultNullCollation(NullCollation.LOW));
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    /** Validates and plans a query (SELECT, VALUES, UNION...). Calcite's validation errors propagate. */
    public PlannedQuery plan(SqlNode query) {
        SqlNode rewritten = MysqlCallRewrites.rewrite(NamedWindowFrames.inline(query));
        // a seed is validated apart: the validator keeps what it validated, so each copy gets its own
        RecursiveColumnTypes.fromSeeds(rewritten, seed -> {
            SqlValidator seedValidator = newValidator();
            return seedValidator.getValidatedNodeType(seedValidator.validate(seed));
        });
        SqlNode validated = validator.validate(rewritten);
        RelOptCluster cluster = newCluster();
        SqlToRelConverter converter = new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
            throw new UnsupportedOperationException("views are not supported");
        }, validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode rel = root.project();
        rel = run(SUB_QUERY_REMOVAL, rel);
        rel = run(SET_OPERATIONS, rel); // after sub-query removal: also those inside IN (...) and EXISTS (...)
        RelBuilder relBuilder = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(cluster, catalogReader);
        rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
        rel = converter.trimUnusedFields(true, rel);
        rel = DateLiteralFolding.fold(rel); // literal bounds for the rewrites, zone maps and estimates
        rel = OrFactors.pullOut(rel); // before the rewrites: a join condition shared by OR branches is then seen
        rel = NullSafeEqualities.asEqualities(rel); // the decorrelator's <=> on keys that are never NULL
        rel = run(LOGICAL_REWRITES, rel);
        rel = run(SEMI_JOIN_REDUCTION, rel); // after the rewrites have pushed filters down to the scans
        if (org.apache.calcite.plan.RelOptUtil.countJoins(rel) > 1) { // one join has no order to choose
            rel = run(ORDER_JOINS, run(GATHER_JOINS, rel));
            rel = run(LOGICAL_REWRITES, rel); // the reordered joins' projections merge; conditions move into them
        }
        // Trim again: the rewrites move filters below the projections that pruned the scans' columns.
        rel = converter.trimUnusedFields(true, rel);
        rel = BuildSides.smallerOnTheRight(rel, relBuilder);
        rel = run(PROJECTS, rel); // the swaps' projections merge into the ones above them
        rel = AggregateFilters.intoArguments(rel);
        if (containsOver(rel)) {
            rel = run(WINDOWS, rel);
        }
        List<List<String>> origins = new ArrayList<>(validator.getFieldOrigins(validated));
        return new PlannedQuery(rel, root.validatedRowType, origins, validator.getParameterRowType(validated), false);
    }

    private RelOptCluster newCluster() {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        cluster.setMetadataProvider(io.strata.sql.plan.stats.StrataMetadata.PROVIDER);
        return cluster;
    }

    /** Whether a projection of the plan calls a window function. */
    private static boolean containsOver(RelNode rel) {
        if (rel instanceof org.apache.calcite.rel.core.Project project
                && org.apache.calcite.rex.RexOver.containsOver(project.getProjects(), null)) {
            return true;
        }
        return rel.getInputs().stream().anyMatch(QueryPlanner::containsOver);
    }

    private static RelNode run(HepProgram program, RelNode rel) {
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(rel);
        return planner.findBestExp();
    }
}

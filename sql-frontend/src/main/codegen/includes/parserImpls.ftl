<#--
  MySQL statements and expressions Strata adds to Calcite's grammar. The nodes live in
  io.strata.sql.parser.ast; see config.fmpp for how these methods are wired into Parser.jj.
-->

/* MySQL variables: @@name, @@session.name, @@global.name and @name. */
<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < SYSTEM_VARIABLE: "@@" (["a"-"z","A"-"Z","0"-"9","_","$","."])+ >
|   < USER_VARIABLE: "@" (["a"-"z","A"-"Z","0"-"9","_","$","."])+ >
}

/** A @@system or @user variable in an expression. */
SqlNode StrataVariableRef() :
{
}
{
    <SYSTEM_VARIABLE> { return VariableRefs.reference(token.image, getPos()); }
|
    <USER_VARIABLE> { return VariableRefs.reference(token.image, getPos()); }
}

/** USER(), DATABASE(), SCHEMA(), CURRENT_USER(): keywords in Calcite, functions in MySQL. */
SqlNode StrataSessionFunction() :
{
    final Span s;
    final String name;
}
{
    ( <USER> | <DATABASE> | <SCHEMA> | <CURRENT_USER> | <SESSION_USER> | <SYSTEM_USER> )
    { s = span(); name = token.image.toUpperCase(Locale.ROOT); }
    <LPAREN> <RPAREN>
    { return SessionFunctions.call(name, s.end(this)); }
}

/** A name given as an identifier or a string, as in SET NAMES utf8mb4 or ENGINE = 'InnoDB'. */
String StrataName() :
{
    final SqlIdentifier id;
    final SqlNode literal;
}
{
    id = SimpleIdentifier() { return id.getSimple(); }
|
    literal = StringLiteral() { return ParserValues.string(literal); }
|
    <BINARY> { return "binary"; }
|
    <DEFAULT_> { return "DEFAULT"; }
}

String StrataString() :
{
    final SqlNode literal;
}
{
    literal = StringLiteral() { return ParserValues.string(literal); }
}

/** USE db */
SqlNode StrataUse() :
{
    final Span s;
    final SqlIdentifier database;
}
{
    <USE> { s = span(); }
    database = SimpleIdentifier()
    { return new SqlUseDatabase(s.end(this), database.getSimple()); }
}

/** DESC t (DESCRIBE t is Calcite's own SqlDescribeTable). */
SqlNode StrataDesc() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <DESC> { s = span(); }
    table = CompoundIdentifier()
    { return new SqlShow(s.end(this), ShowKind.COLUMNS, false, null, table, null, null, null); }
}

/** BEGIN, START TRANSACTION, COMMIT, ROLLBACK. */
SqlNode StrataTransactionControl() :
{
    final Span s;
    TransactionKind kind;
    SqlIdentifier savepoint = null;
}
{
    (
        <BEGIN> { s = span(); kind = TransactionKind.BEGIN; } [ <WORK> ]
    |
        <START> { s = span(); } <TRANSACTION> { kind = TransactionKind.BEGIN; }
        [ <READ> ( <ONLY> | <WRITE> ) | <WITH> SimpleIdentifier() SimpleIdentifier() ]
    |
        <COMMIT> { s = span(); kind = TransactionKind.COMMIT; } [ <WORK> ]
    |
        <ROLLBACK> { s = span(); kind = TransactionKind.ROLLBACK; } [ <WORK> ]
        [ <TO> [ <SAVEPOINT> ] savepoint = SimpleIdentifier() { kind = TransactionKind.ROLLBACK_TO_SAVEPOINT; } ]
    |
        <SAVEPOINT> { s = span(); kind = TransactionKind.SAVEPOINT; } savepoint = SimpleIdentifier()
    |
        <RELEASE> { s = span(); kind = TransactionKind.RELEASE_SAVEPOINT; } <SAVEPOINT> savepoint = SimpleIdentifier()
    )
    { return new SqlTransactionControl(s.end(this), kind, savepoint == null ? null : savepoint.getSimple()); }
}

/** SHOW ... in the forms MySQL clients and tools send. */
SqlNode StrataShow() :
{
    final Span s;
    boolean full = false;
    String scope = null;
    final ShowKind kind;
    SqlIdentifier target = null;
    SqlIdentifier database = null;
    SqlNode like = null;
    SqlNode where = null;
}
{
    <SHOW> { s = span(); }
    [ <FULL> { full = true; } ]
    [ ( <GLOBAL> | <SESSION> | <LOCAL> ) { scope = token.image.toUpperCase(Locale.ROOT); } ]
    (
        ( <DATABASES> | <SCHEMAS> ) { kind = ShowKind.DATABASES; }
    |
        <TABLES> { kind = ShowKind.TABLES; }
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
    |
        <TABLE> <STATUS> { kind = ShowKind.TABLE_STATUS; }
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
    |
        <COLUMNS> { kind = ShowKind.COLUMNS; }
        ( <FROM> | <IN> ) target = CompoundIdentifier()
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
    |
        ( <INDEX> | <INDEXES> | <KEYS> ) { kind = ShowKind.INDEX; }
        ( <FROM> | <IN> ) target = CompoundIdentifier()
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
    |
        <CREATE>
        (
            <TABLE> { kind = ShowKind.CREATE_TABLE; }
        |
            ( <DATABASE> | <SCHEMA> ) { kind = ShowKind.CREATE_DATABASE; }
        )
        target = CompoundIdentifier()
    |
        <VARIABLES> { kind = ShowKind.VARIABLES; }
    |
        <WARNINGS> { kind = ShowKind.WARNINGS; }
    |
        <ERRORS> { kind = ShowKind.ERRORS; }
    |
        <STATUS> { kind = ShowKind.STATUS; }
    |
        <ENGINES> { kind = ShowKind.ENGINES; }
    |
        <COLLATION> { kind = ShowKind.COLLATION; }
    |
        ( <CHARSET> | <CHARACTER> <SET> ) { kind = ShowKind.CHARSET; }
    |
        <PROCESSLIST> { kind = ShowKind.PROCESSLIST; }
    )
    [
        <LIKE> like = StringLiteral()
    |
        <WHERE> where = Expression(ExprContext.ACCEPT_NON_QUERY)
    ]
    { return new SqlShow(s.end(this), kind, full, scope, target, database, like, where); }
}

/** SET assignments, SET NAMES, SET CHARACTER SET and SET TRANSACTION. */
SqlNode StrataSet() :
{
    final Span s;
    final List<VariableAssignment> assignments = new ArrayList<VariableAssignment>();
    String scope = null;
}
{
    <SET> { s = span(); }
    (
        LOOKAHEAD(3)
        [ ( <GLOBAL> | <SESSION> | <LOCAL> ) { scope = token.image.toUpperCase(Locale.ROOT); } ]
        <TRANSACTION>
        StrataTransactionCharacteristic(assignments, scope)
        ( <COMMA> StrataTransactionCharacteristic(assignments, scope) )*
    |
        StrataSetItem(assignments) ( <COMMA> StrataSetItem(assignments) )*
    )
    { return new SqlSetVariables(s.end(this), assignments); }
}

/** One item of a SET list: NAMES x [COLLATE y], CHARACTER SET x, or a variable assignment (MySQL allows all in one list). */
void StrataSetItem(List<VariableAssignment> assignments) :
{
    String name;
}
{
    LOOKAHEAD(2)
    <NAMES> name = StrataName() { assignments.addAll(VariableAssignment.names(name)); }
    [ <COLLATE> name = StrataName() { assignments.add(VariableAssignment.literal("SESSION", "collation_connection", name)); } ]
|
    LOOKAHEAD(2)
    ( <CHARACTER> <SET> | <CHARSET> ) name = StrataName()
    { assignments.addAll(VariableAssignment.characterSet(name)); }
|
    StrataAssignment(assignments)
}

void StrataTransactionCharacteristic(List<VariableAssignment> assignments, String scope) :
{
    final String level;
}
{
    <ISOLATION> <LEVEL>
    (
        <READ> ( <UNCOMMITTED> { level = "READ-UNCOMMITTED"; } | <COMMITTED> { level = "READ-COMMITTED"; } )
    |
        <REPEATABLE> <READ> { level = "REPEATABLE-READ"; }
    |
        <SERIALIZABLE> { level = "SERIALIZABLE"; }
    )
    { assignments.add(VariableAssignment.literal(scope, "transaction_isolation", level)); }
|
    <READ>
    (
        <ONLY> { assignments.add(VariableAssignment.literal(scope, "transaction_read_only", "1")); }
    |
        <WRITE> { assignments.add(VariableAssignment.literal(scope, "transaction_read_only", "0")); }
    )
}

void StrataAssignment(List<VariableAssignment> assignments) :
{
    String scope = null;
    final String name;
    final SqlIdentifier id;
    final SqlNode value;
}
{
    (
        <SYSTEM_VARIABLE> { name = token.image; }
    |
        <USER_VARIABLE> { name = token.image; }
    |
        [ LOOKAHEAD(2) ( <GLOBAL> | <SESSION> | <LOCAL> ) { scope = token.image.toUpperCase(Locale.ROOT); } ]
        id = CompoundIdentifier() { name = id.toString(); }
    )
    ( <EQ> | <COLON> <EQ> )
    value = StrataSetValue()
    { assignments.add(VariableAssignment.of(scope, name, value, getPos())); }
}

SqlNode StrataSetValue() :
{
    final SqlNode e;
}
{
    <ON> { return SqlLiteral.createCharString("ON", getPos()); }
|
    <DEFAULT_> { return new SqlIdentifier("DEFAULT", getPos()); }
|
    <BINARY> { return SqlLiteral.createCharString("binary", getPos()); }
|
    e = Expression(ExprContext.ACCEPT_NON_QUERY) { return e; }
}

/** CREATE DATABASE [IF NOT EXISTS] db [[DEFAULT] CHARACTER SET x] [COLLATE y] */
SqlCreate StrataCreateDatabase(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier id;
}
{
    ( <DATABASE> | <SCHEMA> )
    [ <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = SimpleIdentifier()
    ( [ <DEFAULT_> ] ( <CHARACTER> <SET> | <CHARSET> | <COLLATE> ) [ <EQ> ] StrataName() )*
    { return new SqlCreateDatabase(s.end(this), ifNotExists, id.getSimple()); }
}

/** DROP DATABASE [IF EXISTS] db */
SqlDrop StrataDropDatabase(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier id;
}
{
    ( <DATABASE> | <SCHEMA> )
    [ <IF> <EXISTS> { ifExists = true; } ]
    id = SimpleIdentifier()
    { return new SqlDropDatabase(s.end(this), ifExists, id.getSimple()); }
}

/** DROP TABLE [IF EXISTS] t [, t2 ...] [RESTRICT | CASCADE] */
SqlDrop StrataDropTable(Span s, boolean replace) :
{
    boolean ifExists = false;
    SqlIdentifier id;
    final List<SqlIdentifier> tables = new ArrayList<SqlIdentifier>();
}
{
    <TABLE>
    [ <IF> <EXISTS> { ifExists = true; } ]
    id = CompoundIdentifier() { tables.add(id); }
    ( <COMMA> id = CompoundIdentifier() { tables.add(id); } )*
    [ <RESTRICT> | <CASCADE> ]
    { return new SqlDropTable(s.end(this), ifExists, tables); }
}

/** CREATE TABLE [IF NOT EXISTS] t (column definitions and keys) [table options] */
SqlCreate StrataCreateTable(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier id;
    final List<ColumnSpec> columns = new ArrayList<ColumnSpec>();
    final List<List<String>> primaryKeys = new ArrayList<List<String>>();
    final List<IndexSpec> indexes = new ArrayList<IndexSpec>();
    String comment = null;
    String option;
}
{
    <TABLE>
    [ <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = CompoundIdentifier()
    <LPAREN>
    StrataTableElement(columns, primaryKeys, indexes)
    ( <COMMA> StrataTableElement(columns, primaryKeys, indexes) )*
    <RPAREN>
    (
        option = StrataTableOption() { if (option != null) { comment = option; } }
        [ <COMMA> ]
    )*
    { return new SqlCreateTable(s.end(this), ifNotExists, id, columns, primaryKeys, indexes, comment); }
}

void StrataTableElement(List<ColumnSpec> columns, List<List<String>> primaryKeys, List<IndexSpec> indexes) :
{
    final List<String> keyColumns = new ArrayList<String>();
    SqlIdentifier symbol = null;
    IndexSpec index;
}
{
    <PRIMARY> <KEY> StrataIndexColumns(keyColumns) { primaryKeys.add(keyColumns); }
|
    <CONSTRAINT> [ symbol = SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> StrataIndexColumns(keyColumns) { primaryKeys.add(keyColumns); }
    |
        index = StrataUniqueKey(symbol == null ? null : symbol.getSimple()) { indexes.add(index); }
    )
|
    index = StrataUniqueKey(null) { indexes.add(index); }
|
    LOOKAHEAD( ( <KEY> | <INDEX> ) [ SimpleIdentifier() ] ( <LPAREN> | <USING> ) )
    index = StrataPlainKey() { indexes.add(index); }
|
    StrataColumnSpec(columns, indexes)
}

/** UNIQUE [KEY | INDEX] [name] (key parts): without a name, the CONSTRAINT symbol (or null) names it. */
IndexSpec StrataUniqueKey(String symbol) :
{
    String name = symbol;
    SqlIdentifier id;
    final List<String> keyColumns = new ArrayList<String>();
}
{
    <UNIQUE> [ <KEY> | <INDEX> ]
    [ id = SimpleIdentifier() { name = id.getSimple(); } ]
    StrataIndexColumns(keyColumns)
    { return new IndexSpec(name, keyColumns, true); }
}

/** KEY | INDEX [name] (key parts): a non-unique index. */
IndexSpec StrataPlainKey() :
{
    String name = null;
    SqlIdentifier id;
    final List<String> keyColumns = new ArrayList<String>();
}
{
    ( <KEY> | <INDEX> )
    [ id = SimpleIdentifier() { name = id.getSimple(); } ]
    StrataIndexColumns(keyColumns)
    { return new IndexSpec(name, keyColumns, false); }
}

/** [USING BTREE | HASH] (key parts) [USING BTREE | HASH]: the index type is accepted and not kept. */
void StrataIndexColumns(List<String> keyColumns) :
{
}
{
    [ StrataIndexType() ]
    StrataKeyColumns(keyColumns)
    [ StrataIndexType() ]
}

void StrataIndexType() :
{
    final SqlIdentifier type;
}
{
    <USING> type = SimpleIdentifier()
    {
        if (!type.getSimple().equalsIgnoreCase("BTREE") && !type.getSimple().equalsIgnoreCase("HASH")) {
            throw new ParseException("Encountered \"" + type.getSimple() + "\" at " + type.getParserPosition()
                + ": an index type is BTREE or HASH");
        }
    }
}

void StrataKeyColumns(List<String> keyColumns) :
{
    SqlIdentifier id;
}
{
    <LPAREN>
    id = SimpleIdentifier() { keyColumns.add(id.getSimple()); }
    [ <LPAREN> UnsignedIntLiteral() <RPAREN> ] [ <ASC> | <DESC> ]
    (
        <COMMA> id = SimpleIdentifier() { keyColumns.add(id.getSimple()); }
        [ <LPAREN> UnsignedIntLiteral() <RPAREN> ] [ <ASC> | <DESC> ]
    )*
    <RPAREN>
}

/** A column definition; a column-level UNIQUE [KEY] adds its unique index to {@code indexes}. */
void StrataColumnSpec(List<ColumnSpec> columns, List<IndexSpec> indexes) :
{
    final SqlIdentifier name;
    final DataType type;
    Boolean nullable = null;
    SqlNode defaultValue = null;
    boolean autoIncrement = false;
    boolean primaryKey = false;
    String comment = null;
}
{
    name = SimpleIdentifier()
    type = StrataDataType()
    (
        <NOT> <NULL> { nullable = Boolean.FALSE; }
    |
        <NULL> { nullable = Boolean.TRUE; }
    |
        <DEFAULT_> defaultValue = StrataDefaultValue()
    |
        <AUTO_INCREMENT> { autoIncrement = true; }
    |
        <PRIMARY> <KEY> { primaryKey = true; }
    |
        <KEY> { primaryKey = true; }
    |
        <UNIQUE> [ <KEY> ] { indexes.add(new IndexSpec(null, List.of(name.getSimple()), true)); }
    |
        <COMMENT> comment = StrataString()
    |
        <ON> <UPDATE> <CURRENT_TIMESTAMP> [ <LPAREN> [ UnsignedIntLiteral() ] <RPAREN> ]
    |
        <COLLATE> StrataName()
    |
        <CHARACTER> <SET> StrataName()
    |
        <CHARSET> StrataName()
    )*
    {
        columns.add(new ColumnSpec(name.getSimple(), type, nullable, ParserValues.defaultSql(defaultValue),
            autoIncrement, primaryKey, comment));
    }
}

SqlNode StrataDefaultValue() :
{
    final SqlNode e;
}
{
    <CURRENT_TIMESTAMP> [ <LPAREN> [ UnsignedIntLiteral() ] <RPAREN> ]
    { return SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(getPos()); }
|
    e = Literal() { return e; }
|
    <LPAREN> e = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> { return e; }
}

/** A column type; names that are not Calcite keywords (TEXT, BOOL, VECF32...) come as identifiers. */
DataType StrataDataType() :
{
    final String name;
    final SqlParserPos pos;
    int precision = -1;
    int scale = -1;
}
{
    (
        <INT> | <INTEGER> | <TINYINT> | <SMALLINT> | <BIGINT> | <DECIMAL> | <NUMERIC> | <FLOAT> | <DOUBLE>
    |   <REAL> | <VARCHAR> | <CHAR> | <CHARACTER> | <DATE> | <TIME> | <TIMESTAMP> | <DATETIME> | <BOOLEAN>
    |   <JSON> | <BLOB> | <VARBINARY> | <BINARY> | <IDENTIFIER>
    )
    { name = token.image; pos = getPos(); }
    [ <PRECISION> ]
    [ <VARYING> ]
    [
        <LPAREN> precision = UnsignedIntLiteral()
        [ <COMMA> scale = UnsignedIntLiteral() ]
        <RPAREN>
    ]
    [ <UNSIGNED> ]
    { return ColumnTypes.of(name, precision, scale, pos); }
}

/** One table option; returns the COMMENT text, null for options Strata accepts and ignores. */
String StrataTableOption() :
{
    final String value;
}
{
    <ENGINE> [ <EQ> ] StrataName() { return null; }
|
    [ <DEFAULT_> ] ( <CHARSET> | <CHARACTER> <SET> | <COLLATE> ) [ <EQ> ] StrataName() { return null; }
|
    <COMMENT> [ <EQ> ] value = StrataString() { return value; }
|
    <AUTO_INCREMENT> [ <EQ> ] UnsignedIntLiteral() { return null; }
}

/** TRUNCATE [TABLE] t: deletes every row. */
SqlNode StrataTruncate() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <TRUNCATE> { s = span(); } [ <TABLE> ]
    table = CompoundIdentifier()
    { return new SqlTruncateTable(s.end(this), table); }
}

/** CREATE [UNIQUE] INDEX name [USING type] ON t (key parts) [USING type] */
SqlCreate StrataCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<String> columns = new ArrayList<String>();
}
{
    [ <UNIQUE> { unique = true; } ] <INDEX> name = SimpleIdentifier()
    [ StrataIndexType() ]
    <ON> table = CompoundIdentifier()
    StrataIndexColumns(columns)
    { return new SqlCreateIndex(s.end(this), name.getSimple(), table, columns, unique); }
}

/** DROP INDEX name ON t */
SqlDrop StrataDropIndex(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlIdentifier table;
}
{
    <INDEX> name = SimpleIdentifier()
    <ON> table = CompoundIdentifier()
    { return new SqlDropIndex(s.end(this), name.getSimple(), table); }
}

/**
 * ALTER TABLE t spec [, spec ...]: index specifications, DISABLE/ENABLE KEYS, and any other
 * specification parsed only far enough to name it (the executor rejects it).
 */
SqlNode StrataAlterTable() :
{
    final Span s;
    final SqlIdentifier table;
    final List<AlterTableSpec> specs = new ArrayList<AlterTableSpec>();
}
{
    <ALTER> { s = span(); } <TABLE>
    table = CompoundIdentifier()
    StrataAlterSpec(specs)
    ( <COMMA> StrataAlterSpec(specs) )*
    { return new SqlAlterTable(s.end(this), table, specs); }
}

void StrataAlterSpec(List<AlterTableSpec> specs) :
{
    SqlIdentifier symbol = null;
    SqlIdentifier id;
    IndexSpec index;
    boolean enable;
}
{
    LOOKAHEAD( <ADD> [ <CONSTRAINT> [ SimpleIdentifier() ] ] <UNIQUE> )
    <ADD> [ <CONSTRAINT> [ symbol = SimpleIdentifier() ] ]
    index = StrataUniqueKey(symbol == null ? null : symbol.getSimple())
    { specs.add(new AlterTableSpec.AddIndex(index)); }
|
    LOOKAHEAD( <ADD> ( <KEY> | <INDEX> ) )
    <ADD> index = StrataPlainKey()
    { specs.add(new AlterTableSpec.AddIndex(index)); }
|
    LOOKAHEAD( <DROP> ( <KEY> | <INDEX> ) )
    <DROP> ( <KEY> | <INDEX> ) id = SimpleIdentifier()
    { specs.add(new AlterTableSpec.DropIndex(id.getSimple())); }
|
    LOOKAHEAD({ getToken(2).kind == KEYS && getToken(1).kind == IDENTIFIER
        && (getToken(1).image.equalsIgnoreCase("DISABLE") || getToken(1).image.equalsIgnoreCase("ENABLE")) })
    <IDENTIFIER> { enable = token.image.equalsIgnoreCase("ENABLE"); } <KEYS>
    { specs.add(new AlterTableSpec.SwitchKeys(enable)); }
|
    StrataUnsupportedAlterSpec(specs)
}

/**
 * Skips an ALTER TABLE specification Strata does not run, up to the next comma outside parentheses,
 * and names it by its first word and the ALTER TABLE keywords right after it (ADD COLUMN, DROP PRIMARY
 * KEY, RENAME TO, MODIFY...).
 */
JAVACODE void StrataUnsupportedAlterSpec(List<AlterTableSpec> specs) {
    StringBuilder what = new StringBuilder();
    boolean naming = true;
    int depth = 0;
    while (true) {
        Token next = getToken(1);
        if (next.kind == EOF || next.kind == SEMICOLON
            || depth == 0 && (next.kind == COMMA || next.kind == RPAREN)) {
            break;
        }
        if (next.kind == LPAREN) {
            depth++;
        } else if (next.kind == RPAREN) {
            depth--;
        }
        boolean keyword = next.kind != IDENTIFIER && next.image.toUpperCase(Locale.ROOT).matches(
            "COLUMN|PRIMARY|FOREIGN|KEY|CONSTRAINT|TO|AS|CHECK|PARTITION|FULLTEXT|SPATIAL|DEFAULT|CHARACTER|SET|ORDER|BY");
        if (naming && (what.length() == 0 || keyword)) {
            what.append(what.length() == 0 ? "" : " ").append(next.image.toUpperCase(Locale.ROOT));
        } else {
            naming = false;
        }
        getNextToken();
    }
    if (what.length() == 0) {
        throw generateParseException();
    }
    specs.add(new AlterTableSpec.Unsupported(what.toString()));
}

/** KILL [QUERY | CONNECTION] id: cancels the statement running on that connection. */
SqlNode StrataKill() :
{
    final Span s;
    boolean query = false;
    final int id;
}
{
    <KILL> { s = span(); }
    [
        <CONNECTION>
    |
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && getToken(1).image.equalsIgnoreCase("QUERY") })
        <IDENTIFIER> { query = true; }
    ]
    id = UnsignedIntLiteral()
    { return new SqlKill(s.end(this), query, id); }
}

/** LOCK TABLES t [[AS] alias] READ [LOCAL] | [LOW_PRIORITY] WRITE [, ...], and UNLOCK TABLES. */
SqlNode StrataLockTables() :
{
    final Span s;
    final List<SqlIdentifier> tables = new ArrayList<SqlIdentifier>();
}
{
    (
        <LOCK> { s = span(); } ( <TABLES> | <TABLE> )
        StrataLockedTable(tables) ( <COMMA> StrataLockedTable(tables) )*
    |
        <UNLOCK> { s = span(); } ( <TABLES> | <TABLE> )
    )
    { return new SqlLockTables(s.end(this), tables); }
}

void StrataLockedTable(List<SqlIdentifier> tables) :
{
    final SqlIdentifier table;
}
{
    table = CompoundIdentifier() { tables.add(table); }
    [
        LOOKAHEAD({ getToken(1).kind != READ && getToken(1).kind != WRITE
            && !getToken(1).image.equalsIgnoreCase("LOW_PRIORITY") })
        [ <AS> ] SimpleIdentifier()
    ]
    (
        <READ> [ <LOCAL> ]
    |
        [
            LOOKAHEAD({ getToken(1).kind == IDENTIFIER && getToken(1).image.equalsIgnoreCase("LOW_PRIORITY") })
            <IDENTIFIER>
        ]
        <WRITE>
    )
}

/** a DIV b: MySQL's integer division, at the precedence of * and /. */
void StrataIntegerDivide(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <DIV> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(MysqlOperators.INTEGER_DIVIDE, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** s [NOT] REGEXP p: MySQL's synonym of RLIKE (REGEXP is reserved in MySQL, as here). */
void StrataRegexp(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlOperator op = MysqlStringFunctions.REGEXP;
}
{
    ( <NOT> <REGEXP> { op = MysqlStringFunctions.NOT_REGEXP; } | <REGEXP> )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** a MOD b: MySQL's infix spelling of a % b. */
void StrataModulo(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <MOD> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(SqlStdOperatorTable.PERCENT_REMAINDER, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** PREPARE name FROM 'text' | @variable */
SqlNode StrataPrepare() :
{
    final Span s;
    final String name;
    final String text;
}
{
    <PREPARE> { s = span(); } name = StrataName() <FROM>
    (
        text = StrataString() { return SqlPreparedStatementCommand.prepare(s.end(this), name, text); }
    |
        <USER_VARIABLE> { return SqlPreparedStatementCommand.prepareFromVariable(s.end(this), name, token.image); }
    )
}

/** EXECUTE name [USING @a [, @b ...]] */
SqlNode StrataExecute() :
{
    final Span s;
    final String name;
    final List<String> variables = new ArrayList<String>();
}
{
    <EXECUTE> { s = span(); } name = StrataName()
    [
        <USING> <USER_VARIABLE> { variables.add(token.image); }
        ( <COMMA> <USER_VARIABLE> { variables.add(token.image); } )*
    ]
    { return SqlPreparedStatementCommand.execute(s.end(this), name, variables); }
}

/** DEALLOCATE PREPARE name (DROP PREPARE name is in StrataDropPrepare) */
SqlNode StrataDeallocate() :
{
    final Span s;
    final String name;
}
{
    <DEALLOCATE> { s = span(); } <PREPARE> name = StrataName()
    { return SqlPreparedStatementCommand.deallocate(s.end(this), name); }
}

/** DROP PREPARE name: MySQL's other spelling of DEALLOCATE PREPARE */
SqlNode StrataDropPrepare() :
{
    final Span s;
    final String name;
}
{
    <DROP> { s = span(); } <PREPARE> name = StrataName()
    { return SqlPreparedStatementCommand.deallocate(s.end(this), name); }
}

/**
 * MySQL's CAST target SIGNED [INTEGER] or UNSIGNED [INTEGER]: a BIGINT (an UNSIGNED cast of a negative
 * number keeps its sign here; MySQL wraps it modulo 2^64).
 */
SqlTypeNameSpec StrataIntegerCastType() :
{
    final Span s;
}
{
    (
        <UNSIGNED> { s = span(); }
    |
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "SIGNED".equalsIgnoreCase(getToken(1).image) })
        <IDENTIFIER> { s = span(); }
    )
    [ <INTEGER> | <INT> ]
    { return new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, s.end(this)); }
}

/**
 * MySQL's CAST targets that Calcite's type names lack: DATETIME[(n)] (a TIMESTAMP) and NCHAR[(n)] (a CHAR:
 * Strata's strings are all utf8mb4).
 */
SqlTypeNameSpec StrataCastType() :
{
    final Span s;
    final SqlTypeName type;
    int precision = -1;
}
{
    (
        <DATETIME> { s = span(); type = SqlTypeName.TIMESTAMP; }
    |
        <NCHAR> { s = span(); type = SqlTypeName.CHAR; }
    )
    [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
    { return new SqlBasicTypeNameSpec(type, precision, s.end(this)); }
}

/* MySQL's JSON operators: doc -> 'path' and doc ->> 'path' (Calcite's LAMBDA token is "->"). */
<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < JSON_UNQUOTED_ARROW: "->>" >
}

void StrataJsonArrow(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlNode path;
    final SqlBinaryOperator op;
}
{
    (
        <LAMBDA> { op = JsonOperators.EXTRACT_ARROW; }
    |
        <JSON_UNQUOTED_ARROW> { op = JsonOperators.UNQUOTED_EXTRACT_ARROW; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    path = StringLiteral() { list.add(path); }
}

/**
 * LOAD DATA [LOW_PRIORITY | CONCURRENT] [LOCAL] INFILE 'file' [REPLACE | IGNORE] INTO TABLE t
 * [CHARACTER SET cs] [{FIELDS | COLUMNS} ...] [LINES ...] [IGNORE n {LINES | ROWS}]
 * [(col_or_@var, ...)] [SET col = expr, ...]
 */
SqlNode StrataLoadData() :
{
    final Span s;
    boolean local = false;
    final String file;
    SqlLoadData.Duplicates duplicates = SqlLoadData.Duplicates.ERROR;
    final SqlIdentifier table;
    String charset = null;
    final String[] format = new String[5];
    final boolean[] optionally = new boolean[1];
    long ignoreLines = 0;
    final List<SqlLoadData.Target> targets = new ArrayList<SqlLoadData.Target>();
    final List<SqlLoadData.Assignment> assignments = new ArrayList<SqlLoadData.Assignment>();
}
{
    <LOAD> { s = span(); } <DATA>
    [
        LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "LOW_PRIORITY".equalsIgnoreCase(getToken(1).image)) || (getToken(1).kind == IDENTIFIER && "CONCURRENT".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER>
    ]
    [ <LOCAL> { local = true; } ]
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "INFILE".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER>
    file = StrataString()
    [
        <REPLACE> { duplicates = SqlLoadData.Duplicates.REPLACE; }
    |
        <IGNORE> { duplicates = SqlLoadData.Duplicates.IGNORE; }
    ]
    <INTO> <TABLE> table = CompoundIdentifier()
    [
        ( <CHARACTER> <SET> | <CHARSET> ) charset = StrataName()
    ]
    [
        ( <COLUMNS> | LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "FIELDS".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> )
        (
            LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "TERMINATED".equalsIgnoreCase(getToken(1).image)) || (getToken(1).kind == IDENTIFIER && "ENCLOSED".equalsIgnoreCase(getToken(1).image))
                || (getToken(1).kind == IDENTIFIER && "OPTIONALLY".equalsIgnoreCase(getToken(1).image)) || (getToken(1).kind == IDENTIFIER && "ESCAPED".equalsIgnoreCase(getToken(1).image)) })
            StrataLoadFieldOption(format, optionally)
        )+
    ]
    [
        LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "LINES".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER>
        (
            LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "STARTING".equalsIgnoreCase(getToken(1).image)) || (getToken(1).kind == IDENTIFIER && "TERMINATED".equalsIgnoreCase(getToken(1).image)) })
            StrataLoadLineOption(format)
        )+
    ]
    [
        <IGNORE> ignoreLines = UnsignedIntLiteral()
        ( <ROWS> | LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "LINES".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> )
    ]
    [
        <LPAREN>
        [ StrataLoadTarget(targets) ( <COMMA> StrataLoadTarget(targets) )* ]
        <RPAREN>
    ]
    [
        <SET> StrataLoadAssignment(assignments) ( <COMMA> StrataLoadAssignment(assignments) )*
    ]
    {
        return new SqlLoadData(s.end(this), local, file, duplicates, table, charset,
            new SqlLoadData.Format(format[0], format[1], optionally[0], format[2], format[3], format[4]),
            ignoreLines, targets, assignments);
    }
}

/** TERMINATED BY 's' | [OPTIONALLY] ENCLOSED BY 'c' | ESCAPED BY 'c', into format[0..2]. */
void StrataLoadFieldOption(String[] format, boolean[] optionally) :
{
    final String value;
}
{
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "TERMINATED".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> <BY> value = StrataString() { format[0] = value; }
|
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "OPTIONALLY".equalsIgnoreCase(getToken(1).image)) || (getToken(1).kind == IDENTIFIER && "ENCLOSED".equalsIgnoreCase(getToken(1).image)) })
    [ LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "OPTIONALLY".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> { optionally[0] = true; } ]
    <IDENTIFIER> { if (!token.image.equalsIgnoreCase("ENCLOSED")) { throw generateParseException(); } }
    <BY> value = StrataString() { format[1] = value; }
|
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "ESCAPED".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> <BY> value = StrataString() { format[2] = value; }
}

/** STARTING BY 's' | TERMINATED BY 's', into format[3..4]. */
void StrataLoadLineOption(String[] format) :
{
    final String value;
}
{
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "STARTING".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> <BY> value = StrataString() { format[3] = value; }
|
    LOOKAHEAD({ (getToken(1).kind == IDENTIFIER && "TERMINATED".equalsIgnoreCase(getToken(1).image)) }) <IDENTIFIER> <BY> value = StrataString() { format[4] = value; }
}

/** A column name or a @user_variable of LOAD DATA's column list. */
void StrataLoadTarget(List<SqlLoadData.Target> targets) :
{
    final SqlIdentifier column;
}
{
    <USER_VARIABLE> { targets.add(new SqlLoadData.Target(token.image.substring(1).toLowerCase(Locale.ROOT), true)); }
|
    column = SimpleIdentifier() { targets.add(new SqlLoadData.Target(column.getSimple(), false)); }
}

/** col = expr | col = DEFAULT, in LOAD DATA's SET clause. */
void StrataLoadAssignment(List<SqlLoadData.Assignment> assignments) :
{
    final SqlIdentifier column;
    SqlNode value = null;
}
{
    column = SimpleIdentifier() <EQ>
    (
        <DEFAULT_>
    |
        value = Expression(ExprContext.ACCEPT_NON_QUERY)
    )
    { assignments.add(new SqlLoadData.Assignment(column.getSimple(), value)); }
}

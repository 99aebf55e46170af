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
    final TransactionKind kind;
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
    )
    { return new SqlTransactionControl(s.end(this), kind); }
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
    String comment = null;
    String option;
}
{
    <TABLE>
    [ <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    id = CompoundIdentifier()
    <LPAREN>
    StrataTableElement(columns, primaryKeys)
    ( <COMMA> StrataTableElement(columns, primaryKeys) )*
    <RPAREN>
    (
        option = StrataTableOption() { if (option != null) { comment = option; } }
        [ <COMMA> ]
    )*
    { return new SqlCreateTable(s.end(this), ifNotExists, id, columns, primaryKeys, comment); }
}

void StrataTableElement(List<ColumnSpec> columns, List<List<String>> primaryKeys) :
{
    final List<String> keyColumns = new ArrayList<String>();
}
{
    <PRIMARY> <KEY> StrataKeyColumns(keyColumns) { primaryKeys.add(keyColumns); }
|
    <CONSTRAINT> [ SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> StrataKeyColumns(keyColumns) { primaryKeys.add(keyColumns); }
    |
        <UNIQUE> [ <KEY> | <INDEX> ] [ SimpleIdentifier() ] StrataKeyColumns(keyColumns)
    )
|
    <UNIQUE> [ <KEY> | <INDEX> ] [ SimpleIdentifier() ] StrataKeyColumns(keyColumns)
|
    LOOKAHEAD( ( <KEY> | <INDEX> ) [ SimpleIdentifier() ] <LPAREN> )
    ( <KEY> | <INDEX> ) [ SimpleIdentifier() ] StrataKeyColumns(keyColumns)
|
    StrataColumnSpec(columns)
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

void StrataColumnSpec(List<ColumnSpec> columns) :
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
        <UNIQUE> [ <KEY> ]
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

/**
 * CREATE [UNIQUE] INDEX name ON t (columns): accepted so that schemas written for MySQL load;
 * secondary indexes are not built yet (zone maps and the primary key serve lookups).
 */
SqlCreate StrataCreateIndex(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<String> columns = new ArrayList<String>();
}
{
    [ <UNIQUE> ] <INDEX> name = SimpleIdentifier()
    <ON> table = CompoundIdentifier()
    StrataKeyColumns(columns)
    { return new SqlCreateIndex(s.end(this), name.getSimple(), table, columns); }
}

/** DROP INDEX name ON t: accepted, see CREATE INDEX. */
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

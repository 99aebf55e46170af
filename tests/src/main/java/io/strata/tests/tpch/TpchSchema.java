package io.strata.tests.tpch;

import java.util.List;

/**
 * The eight TPC-H tables as the specification declares them (clause 1.4: DECIMAL(15,2) money and
 * quantities, CHAR for fixed-width text, DATE), keys as BIGINT. Columns are listed in the order
 * {@code io.trino.tpch} generates them, which is the order {@link TpchLoader} writes them in.
 */
public final class TpchSchema {
    /** One table: its name, its columns ("name TYPE NOT NULL") and its primary key. */
    public record Table(String name, List<String> columns, String primaryKey) {
        /** CREATE TABLE for this table, with or without its primary key. */
        public String createStatement(boolean withPrimaryKey) {
            StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (\n  ");
            sql.append(String.join(",\n  ", columns));
            if (withPrimaryKey) {
                sql.append(",\n  PRIMARY KEY (").append(primaryKey).append(')');
            }
            return sql.append("\n)").toString();
        }

        /** The column names, in order. */
        public List<String> columnNames() {
            return columns.stream().map(column -> column.substring(0, column.indexOf(' '))).toList();
        }
    }

    public static final List<Table> TABLES = List.of(
            new Table("region", List.of(
                    "r_regionkey BIGINT NOT NULL",
                    "r_name CHAR(25) NOT NULL",
                    "r_comment VARCHAR(152) NOT NULL"), "r_regionkey"),
            new Table("nation", List.of(
                    "n_nationkey BIGINT NOT NULL",
                    "n_name CHAR(25) NOT NULL",
                    "n_regionkey BIGINT NOT NULL",
                    "n_comment VARCHAR(152) NOT NULL"), "n_nationkey"),
            new Table("supplier", List.of(
                    "s_suppkey BIGINT NOT NULL",
                    "s_name CHAR(25) NOT NULL",
                    "s_address VARCHAR(40) NOT NULL",
                    "s_nationkey BIGINT NOT NULL",
                    "s_phone CHAR(15) NOT NULL",
                    "s_acctbal DECIMAL(15,2) NOT NULL",
                    "s_comment VARCHAR(101) NOT NULL"), "s_suppkey"),
            new Table("customer", List.of(
                    "c_custkey BIGINT NOT NULL",
                    "c_name VARCHAR(25) NOT NULL",
                    "c_address VARCHAR(40) NOT NULL",
                    "c_nationkey BIGINT NOT NULL",
                    "c_phone CHAR(15) NOT NULL",
                    "c_acctbal DECIMAL(15,2) NOT NULL",
                    "c_mktsegment CHAR(10) NOT NULL",
                    "c_comment VARCHAR(117) NOT NULL"), "c_custkey"),
            new Table("part", List.of(
                    "p_partkey BIGINT NOT NULL",
                    "p_name VARCHAR(55) NOT NULL",
                    "p_mfgr CHAR(25) NOT NULL",
                    "p_brand CHAR(10) NOT NULL",
                    "p_type VARCHAR(25) NOT NULL",
                    "p_size INTEGER NOT NULL",
                    "p_container CHAR(10) NOT NULL",
                    "p_retailprice DECIMAL(15,2) NOT NULL",
                    "p_comment VARCHAR(23) NOT NULL"), "p_partkey"),
            new Table("partsupp", List.of(
                    "ps_partkey BIGINT NOT NULL",
                    "ps_suppkey BIGINT NOT NULL",
                    "ps_availqty INTEGER NOT NULL",
                    "ps_supplycost DECIMAL(15,2) NOT NULL",
                    "ps_comment VARCHAR(199) NOT NULL"), "ps_partkey, ps_suppkey"),
            new Table("orders", List.of(
                    "o_orderkey BIGINT NOT NULL",
                    "o_custkey BIGINT NOT NULL",
                    "o_orderstatus CHAR(1) NOT NULL",
                    "o_totalprice DECIMAL(15,2) NOT NULL",
                    "o_orderdate DATE NOT NULL",
                    "o_orderpriority CHAR(15) NOT NULL",
                    "o_clerk CHAR(15) NOT NULL",
                    "o_shippriority INTEGER NOT NULL",
                    "o_comment VARCHAR(79) NOT NULL"), "o_orderkey"),
            new Table("lineitem", List.of(
                    "l_orderkey BIGINT NOT NULL",
                    "l_partkey BIGINT NOT NULL",
                    "l_suppkey BIGINT NOT NULL",
                    "l_linenumber INTEGER NOT NULL",
                    "l_quantity DECIMAL(15,2) NOT NULL",
                    "l_extendedprice DECIMAL(15,2) NOT NULL",
                    "l_discount DECIMAL(15,2) NOT NULL",
                    "l_tax DECIMAL(15,2) NOT NULL",
                    "l_returnflag CHAR(1) NOT NULL",
                    "l_linestatus CHAR(1) NOT NULL",
                    "l_shipdate DATE NOT NULL",
                    "l_commitdate DATE NOT NULL",
                    "l_receiptdate DATE NOT NULL",
                    "l_shipinstruct CHAR(25) NOT NULL",
                    "l_shipmode CHAR(10) NOT NULL",
                    "l_comment VARCHAR(44) NOT NULL"), "l_orderkey, l_linenumber"));

    private TpchSchema() {}
}

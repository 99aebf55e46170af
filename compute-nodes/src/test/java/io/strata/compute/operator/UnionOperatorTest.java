package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnionOperatorTest extends PeopleTableTestBase {
    @Test
    void unionAllConcatenatesAndUnionRemovesDuplicates() {
        List<OutputColumn> output = List.of(new OutputColumn("n", DataType.varchar(20), true));
        PhysicalNode names = new PhysicalNode.Project(people(), List.of(ref(1, DataType.varchar(20))), output);
        PhysicalNode all = new PhysicalNode.Union(List.of(names, names), true, output);
        assertEquals(10, run(all).size());
        PhysicalNode distinct = new PhysicalNode.Union(List.of(names, names), false, output);
        List<List<Object>> rows = run(distinct);
        // "Bob" and "bob" are equal under the case-insensitive collation; NULL counts once
        assertEquals(List.of(list("ann"), list("Bob"), list("cid"), list((Object) null)), rows);
        assertTrue(rows.size() == 4);
    }
}

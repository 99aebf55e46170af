package io.strata.sql.plan.stats;

import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

import java.util.List;

/**
 * Calcite's metadata with estimates from Strata's statistics (distinct values, nulls, min/max in the
 * objects' footers) in front: row counts of joins, selectivities of filters on scans, distinct values of
 * scanned columns. Everything else is Calcite's default. One instance, so that Calcite compiles its
 * dispatch code once.
 */
public final class StrataMetadata {
    public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
            ReflectiveRelMetadataProvider.reflectiveSource(new StrataRelMdRowCount(),
                    BuiltInMetadata.RowCount.Handler.class),
            ReflectiveRelMetadataProvider.reflectiveSource(new StrataRelMdSelectivity(),
                    BuiltInMetadata.Selectivity.Handler.class),
            ReflectiveRelMetadataProvider.reflectiveSource(new StrataRelMdDistinctRowCount(),
                    BuiltInMetadata.DistinctRowCount.Handler.class),
            DefaultRelMetadataProvider.INSTANCE));

    private StrataMetadata() {}
}

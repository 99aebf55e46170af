/**
 * Physical operators over Arrow batches, pulled one batch at a time from the root of a tree that
 * {@link io.strata.compute.operator.OperatorFactory} builds from a {@link io.strata.compute.plan.PhysicalNode}.
 * Streaming operators (scan, filter, project, limit, union) pass batches on or share their buffers;
 * blocking ones (sort, hash aggregate, the build side of a hash join) copy what they keep into batches
 * they own. Every operator closes what it allocated when it is closed, and checks the statement's
 * cancel flag between batches.
 */
package io.strata.compute.operator;

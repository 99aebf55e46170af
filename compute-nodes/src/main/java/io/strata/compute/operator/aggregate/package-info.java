/** Accumulators of the hash aggregate: one per aggregate call, folding batches into per-group state. */
package io.strata.compute.operator.aggregate;

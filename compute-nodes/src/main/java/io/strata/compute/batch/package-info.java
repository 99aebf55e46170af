/**
 * Building and converting whole batches at the edges of execution: rows of Java values into a batch
 * ({@link io.strata.compute.batch.BatchBuilder}) and columns into other SQL types
 * ({@link io.strata.compute.batch.VectorCaster}), with MySQL's strict-mode errors for stores.
 */
package io.strata.compute.batch;

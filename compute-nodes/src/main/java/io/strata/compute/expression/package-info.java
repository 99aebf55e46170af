/**
 * Scalar expressions with MySQL semantics, evaluated a batch at a time. {@link
 * io.strata.compute.expression.ExpressionEvaluator} decodes the input columns a batch needs into
 * {@link io.strata.compute.expression.Column}s (primitive arrays plus a null mask), runs each function
 * as one loop over them, and encodes the result as an Arrow vector. Conversions between types follow
 * {@link io.strata.compute.expression.ColumnCaster} everywhere (CAST, implicit conversion, stores), so
 * a value converts the same way in every place.
 */
package io.strata.compute.expression;

/**
 * The tensor engine as other bundles see it. A {@link io.citrate.tensor.api.TensorEngine} opens
 * {@link io.citrate.tensor.api.TensorSession}s in a {@link io.citrate.tensor.api.NumericMode}; a session creates
 * device-resident {@link io.citrate.tensor.api.Tensor}s, runs operations on them, meters every operation as a
 * {@link io.citrate.tensor.api.Cost} and enforces its {@link io.citrate.tensor.api.TensorLimits}. Which backend
 * runs (OpenCL or the Java reference) is configuration; consumers see the same results: within a documented
 * tolerance in {@link io.citrate.tensor.api.NumericMode#FAST FAST}, bit for bit in
 * {@link io.citrate.tensor.api.NumericMode#EXACT EXACT}.
 */
@Export
@Version("0.1.0")
package io.citrate.tensor.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

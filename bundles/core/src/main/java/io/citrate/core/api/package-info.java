/**
 * Citrate's primitive values: {@link io.citrate.core.api.Hash}, {@link io.citrate.core.api.Address},
 * {@link io.citrate.core.api.Wei} and byte helpers. Immutable, shared by every bundle.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

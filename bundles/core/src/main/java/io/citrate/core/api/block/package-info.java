/**
 * Citrate's DAG block header: canonical encoding, strict decoding and the producer's signature. Only
 * structure is checked here; consensus rules live in the consensus bundle.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api.block;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

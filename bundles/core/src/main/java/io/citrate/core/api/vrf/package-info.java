/**
 * Verifiable random functions: ECVRF-P256-SHA256-TAI of RFC 9381, the source of Citrate's proposer lottery.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api.vrf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

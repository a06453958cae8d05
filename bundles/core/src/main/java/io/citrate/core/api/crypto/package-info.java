/** Keccak-256 and secp256k1 signatures, as Ethereum uses them. */
@Export
@Version("0.1.0")
package io.citrate.core.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

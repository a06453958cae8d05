/**
 * Ethereum transactions under Cancun rules: legacy (with EIP-155 replay protection), EIP-2930 access
 * lists, EIP-1559 dynamic fees and EIP-4844 blob transactions in their canonical form. Decoding applies
 * every static validity rule, so a {@link io.citrate.core.api.tx.Transaction} that exists is well formed
 * and has a sender.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api.tx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

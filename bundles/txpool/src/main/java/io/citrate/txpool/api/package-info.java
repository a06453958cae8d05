/**
 * The transaction pool as other bundles see it: {@link io.citrate.txpool.api.TransactionPool} (admission,
 * block selection, head changes) and {@link io.citrate.txpool.api.PoolState}, the view of the chain head the
 * node provides to it.
 */
@Export
@Version("0.1.0")
package io.citrate.txpool.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

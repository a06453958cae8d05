/**
 * Artifacts on IPFS as other bundles and operators see them. {@link io.citrate.ipfs.api.Cid} names content as every
 * IPFS node does; {@link io.citrate.ipfs.api.Ipfs} imports files and directories into the node's blockstore with
 * Kubo's content ids, reads them back (with byte ranges), moves DAGs in and out as CAR files and collects
 * unpinned blocks; {@link io.citrate.ipfs.api.Pins} keeps content pinned on a replication target of backends (the
 * node itself, a Kubo node, remote pinning services) and reports each pin's progress.
 */
@Export
@Version("0.1.0")
package io.citrate.ipfs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The node as other bundles see it: the chain specification, the node's status and block production, the
 * Ethereum view of what chain blocks accepted, replaying accepted transactions under a tracer, and the chain events
 * the node publishes.
 */
@Export
@Version("0.2.0")
package io.citrate.node.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

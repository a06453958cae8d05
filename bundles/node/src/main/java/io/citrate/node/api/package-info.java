/** What the node offers other bundles: the chain-event whiteboard. */
@Export
@Version("0.1.0")
package io.citrate.node.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

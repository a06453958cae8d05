/** The block DAG as other bundles see it: consensus parameters, GHOSTDAG results and the selected chain. */
@Export
@Version("0.1.0")
package io.citrate.consensus.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

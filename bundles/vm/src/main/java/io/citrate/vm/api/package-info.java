/** The EVM as other bundles and integrators see it: precompiles, execution results, the world state and tracing. */
@Export
@Version("0.3.0")
package io.citrate.vm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

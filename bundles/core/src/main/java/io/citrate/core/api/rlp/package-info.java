/**
 * Recursive Length Prefix encoding. The decoder is strict: only canonical encodings are accepted
 * (shortest length forms, no leading zeros, no trailing bytes), because two nodes must never disagree
 * about which bytes a value has.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api.rlp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

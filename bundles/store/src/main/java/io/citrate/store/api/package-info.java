/**
 * Citrate's storage: named key-value stores ({@link io.citrate.store.api.KeyValueStore}) with keys
 * ordered as unsigned bytes, consistent reads and all-or-nothing {@link io.citrate.store.api.WriteBatch}es
 * across stores. {@link io.citrate.store.api.MemoryKeyValueStore} implements the same contract in memory
 * for tests and tools.
 */
@Export
@Version("0.1.0")
package io.citrate.store.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

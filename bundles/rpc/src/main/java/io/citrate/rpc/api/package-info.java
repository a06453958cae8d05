/**
 * Ethereum JSON-RPC 2.0 as other bundles extend it: a method is a {@link io.citrate.rpc.api.JsonRpcMethod}, methods
 * come in namespace groups, and failures are {@link io.citrate.rpc.api.JsonRpcException}s with EIP-1474 codes.
 */
@Export
@Version("0.2.0")
package io.citrate.rpc.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

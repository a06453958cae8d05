package io.citrate.node.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.util.Optional;

/**
 * Where the node stands.
 *
 * @param chainName the network
 * @param chainId its EIP-155 chain id
 * @param head the sink: the end of the selected chain, whose state is the node's current state
 * @param headNumber the head's Ethereum block number
 * @param headStateRoot the current state root
 * @param nextBaseFee the base fee of a block built on the head
 * @param tips blocks without children
 * @param finalityPoint the highest final chain block
 * @param validator the address this node produces blocks as; empty when it does not produce
 * @param producing whether the production loop runs
 * @param blockIntervalMillis the production loop's period; 0 when it produces a block per transaction
 * @param blocksProduced blocks this node produced since it started
 */
public record NodeStatus(String chainName, long chainId, Hash head, long headNumber, Hash headStateRoot,
    Wei nextBaseFee, int tips, Hash finalityPoint, Optional<Address> validator, boolean producing,
    long blockIntervalMillis, long blocksProduced) {}

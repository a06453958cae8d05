package io.citrate.node.api;

import io.citrate.core.api.Hash;

/**
 * Where the selected chain accepted a transaction.
 *
 * @param chainBlock the accepting chain block
 * @param number its Ethereum block number
 * @param index the transaction's position in what that block accepted
 */
public record TransactionLocation(Hash chainBlock, long number, int index) {}

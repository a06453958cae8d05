package io.citrate.ipfs.api;

/**
 * What an import made.
 *
 * @param root the id of the file or directory
 * @param contentBytes bytes of file content read (for a directory, of all its files)
 * @param dagBytes cumulative size of the DAG: every block's bytes, as a parent link's size counts them
 * @param blocks blocks written (a block repeated in the content counts each time it was made)
 */
public record ImportResult(Cid root, long contentBytes, long dagBytes, long blocks) {}

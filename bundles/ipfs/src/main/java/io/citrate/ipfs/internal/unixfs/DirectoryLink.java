package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;

/** A named child of a directory: its id and the cumulative size of its DAG (a link's Tsize). */
record DirectoryLink(String name, Cid cid, long cumulativeSize) {}

/**
 * JMH benchmarks. Each class measures one subject twice in the same run, as {@code citrate} and as a peer
 * implementation (web3j, or Tuweni for the trie), so that {@code run.sh} can report speed-up factors;
 * {@code TensorBenchmark} takes the backend as a parameter instead, ONNX Runtime being one of them.
 */
package io.citrate.benchmarks;

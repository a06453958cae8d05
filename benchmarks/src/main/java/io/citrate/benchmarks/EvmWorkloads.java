package io.citrate.benchmarks;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.vm.internal.state.Word;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The hand-written contracts and parameters of {@code evm-workloads.txt} (or of another resource in its format,
 * such as {@code rpc-contract.txt}), and what the harnesses that run them share: the senders' keys and the ERC-20
 * contract's storage layout and calldata.
 */
final class EvmWorkloads {
  /** transfer(address,uint256) */
  static final byte[] TRANSFER_SELECTOR = Bytes.fromHex("0xa9059cbb");

  private final Map<String, Long> parameters;
  private final Map<String, byte[]> code;

  private EvmWorkloads(Map<String, Long> parameters, Map<String, byte[]> code) {
    this.parameters = parameters;
    this.code = code;
  }

  /** Reads {@code evm-workloads.txt}. */
  static EvmWorkloads load() {
    return load("/evm-workloads.txt");
  }

  /** Reads a resource: {@code name = value} lines, and hex under {@code code NAME:} headings. */
  static EvmWorkloads load(String resource) {
    String text;
    try (InputStream in = EvmWorkloads.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> parameters = new HashMap<>();
    Map<String, byte[]> code = new HashMap<>();
    String section = null;
    StringBuilder hex = new StringBuilder();
    for (String rawLine : text.split("\n")) {
      String line = rawLine.replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.contains("=")) {
        String[] parts = line.split("=");
        parameters.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
      } else if (line.startsWith("code ")) {
        if (section != null) {
          code.put(section, Bytes.fromHex(hex.toString()));
        }
        section = line.substring(5, line.length() - 1).trim();
        hex.setLength(0);
      } else {
        hex.append(line.replace(" ", ""));
      }
    }
    code.put(section, Bytes.fromHex(hex.toString()));
    return new EvmWorkloads(parameters, code);
  }

  int parameter(String name) {
    return Math.toIntExact(parameters.get(name));
  }

  byte[] code(String workload) {
    return code.get(workload);
  }

  /** Sender keys 1000, 1001, ...: the peer script derives the same ones. */
  static PrivateKey senderKey(int index) {
    return PrivateKey.fromScalar(BigInteger.valueOf(1_000L + index));
  }

  /** Where the ERC-20 contract keeps {@code holder}'s balance: keccak(holder . 0), as Solidity lays out a mapping. */
  static Word balanceSlot(Address holder) {
    return Word.fromBytes(Keccak256.hash(Bytes.leftPad(holder.unsafeBytes(), 32), new byte[32]).unsafeBytes());
  }

  /** Calldata of {@code transfer(to, amount)}. */
  static byte[] transferCalldata(Address to, long amount) {
    return Bytes.concat(TRANSFER_SELECTOR, Bytes.leftPad(to.unsafeBytes(), 32), word(amount));
  }

  static byte[] word(long value) {
    return Word.of(value).toBytes32();
  }
}

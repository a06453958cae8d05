package io.citrate.node.internal.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.vrf.VrfPublicKey;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.api.FeeParameters;
import io.citrate.node.api.RewardSchedule;
import io.citrate.vm.api.GenesisAccount;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a chain specification from JSON (the format of {@code devnet.json} beside this class, documented in
 * the README). Strict: every field is required unless said otherwise, unknown fields are refused, and every
 * problem names the field, so an operator's typo never silently makes another network.
 */
public final class ChainSpecReader {
  /** The built-in development network. */
  public static final String DEVNET = "devnet";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChainSpecReader() {}

  /** The built-in {@value #DEVNET} when {@code location} names it, else the JSON file at that path. */
  public static ChainSpec load(String location) {
    if (DEVNET.equals(location)) {
      try (InputStream in = ChainSpecReader.class.getResourceAsStream("devnet.json")) {
        if (in == null) {
          throw new IllegalStateException("the devnet chain specification is missing from the bundle");
        }
        return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the devnet chain specification", e);
      }
    }
    try {
      return read(Files.readString(Path.of(location)));
    } catch (IOException e) {
      throw new InvalidChainSpecException("cannot read chain specification " + location + ": " + e.getMessage());
    }
  }

  /** @throws InvalidChainSpecException naming what is wrong */
  public static ChainSpec read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidChainSpecException("not JSON: " + e.getOriginalMessage());
    }
    try {
      requireFields(root, "", Set.of("name", "chainId", "genesisTimestamp", "consensus", "proposers", "gasLimit",
          "fees", "rewards", "validators", "alloc"), Set.of());
      JsonNode consensus = root.get("consensus");
      requireFields(consensus, "consensus.", Set.of("ghostdagK", "maxBlockParents", "mergesetSizeLimit",
          "finalityDepth", "pruningDepth"), Set.of());
      JsonNode proposers = root.get("proposers");
      requireFields(proposers, "proposers.", Set.of("slotDurationMillis", "expectedProducersPerSlot", "epochSlots"),
          Set.of());
      JsonNode fees = root.get("fees");
      requireFields(fees, "fees.", Set.of("initialBaseFee", "elasticityMultiplier", "baseFeeChangeDenominator",
          "baseFeeDestination"), Set.of());
      JsonNode rewards = root.get("rewards");
      requireFields(rewards, "rewards.", Set.of("initialReward", "halvingInterval", "treasuryShareBasisPoints",
          "treasury"), Set.of());
      String destination = text(fees, "baseFeeDestination", "fees.");
      if (!destination.equals("burn") && !destination.equals("treasury")) {
        throw new InvalidChainSpecException("fees.baseFeeDestination must be \"burn\" or \"treasury\", not \""
            + destination + "\"");
      }
      return new ChainSpec(
          text(root, "name", ""),
          longValue(root, "chainId", ""),
          longValue(root, "genesisTimestamp", ""),
          new ConsensusParameters(intValue(consensus, "ghostdagK", "consensus."),
              intValue(consensus, "maxBlockParents", "consensus."),
              intValue(consensus, "mergesetSizeLimit", "consensus."),
              longValue(consensus, "finalityDepth", "consensus.")),
          longValue(consensus, "pruningDepth", "consensus."),
          new ProposerParameters(longValue(proposers, "slotDurationMillis", "proposers."),
              intValue(proposers, "expectedProducersPerSlot", "proposers."),
              longValue(proposers, "epochSlots", "proposers.")),
          longValue(root, "gasLimit", ""),
          new FeeParameters(wei(fees, "initialBaseFee", "fees."), intValue(fees, "elasticityMultiplier", "fees."),
              intValue(fees, "baseFeeChangeDenominator", "fees."), destination.equals("burn")),
          new RewardSchedule(wei(rewards, "initialReward", "rewards."),
              longValue(rewards, "halvingInterval", "rewards."),
              intValue(rewards, "treasuryShareBasisPoints", "rewards."),
              address(text(rewards, "treasury", "rewards."), "rewards.treasury")),
          validators(root.get("validators")),
          allocation(root.get("alloc")));
    } catch (InvalidChainSpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(e.getMessage());
    }
  }

  private static StakeDistribution validators(JsonNode validators) {
    if (validators == null || !validators.isArray() || validators.isEmpty()) {
      throw new InvalidChainSpecException("validators must be a non-empty array");
    }
    List<Validator> list = new ArrayList<>();
    for (int i = 0; i < validators.size(); i++) {
      JsonNode validator = validators.get(i);
      String where = "validators[" + i + "].";
      requireFields(validator, where, Set.of("address", "vrfPublicKey", "stake"), Set.of());
      VrfPublicKey vrfKey;
      try {
        vrfKey = VrfPublicKey.fromHex(text(validator, "vrfPublicKey", where));
      } catch (IllegalArgumentException e) {
        throw new InvalidChainSpecException(where + "vrfPublicKey: " + e.getMessage());
      }
      list.add(new Validator(address(text(validator, "address", where), where + "address"), vrfKey,
          wei(validator, "stake", where)));
    }
    return StakeDistribution.of(list);
  }

  private static List<GenesisAccount> allocation(JsonNode alloc) {
    if (alloc == null || !alloc.isObject()) {
      throw new InvalidChainSpecException("alloc must be an object of address to account");
    }
    List<GenesisAccount> accounts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = alloc.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String where = "alloc." + entry.getKey() + ".";
      JsonNode account = entry.getValue();
      requireFields(account, where, Set.of("balance"), Set.of("nonce", "code", "storage"));
      byte[] code = account.has("code") ? hex(text(account, "code", where), where + "code") : Bytes.EMPTY;
      Map<Hash, Hash> storage = new LinkedHashMap<>();
      if (account.has("storage")) {
        JsonNode slots = account.get("storage");
        if (!slots.isObject()) {
          throw new InvalidChainSpecException(where + "storage must be an object of slot to value");
        }
        slots.fields().forEachRemaining(slot -> storage.put(word(slot.getKey(), where + "storage key"),
            word(slot.getValue().asText(), where + "storage." + slot.getKey())));
      }
      long nonce = account.has("nonce") ? longValue(account, "nonce", where) : 0;
      accounts.add(new GenesisAccount(address(entry.getKey(), "alloc key " + entry.getKey()),
          wei(account, "balance", where), nonce, code, storage));
    }
    return accounts;
  }

  private static void requireFields(JsonNode node, String where, Set<String> required, Set<String> optional) {
    if (node == null || !node.isObject()) {
      throw new InvalidChainSpecException((where.isEmpty() ? "the specification" : where.substring(0, where.length() - 1))
          + " must be a JSON object");
    }
    for (String field : required) {
      if (!node.has(field)) {
        throw new InvalidChainSpecException(where + field + " is missing");
      }
    }
    node.fieldNames().forEachRemaining(field -> {
      if (!required.contains(field) && !optional.contains(field)) {
        throw new InvalidChainSpecException(where + field + " is not a chain specification field");
      }
    });
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new InvalidChainSpecException(where + field + " must be a string");
    }
    return value.asText();
  }

  private static long longValue(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidChainSpecException(where + field + " must be an integer");
    }
    return value.asLong();
  }

  private static int intValue(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidChainSpecException(where + field + " must be a 32-bit integer");
    }
    return value.asInt();
  }

  /** A wei amount: a decimal string, or hex with {@code 0x}; strings, because JSON numbers lose precision. */
  private static Wei wei(JsonNode node, String field, String where) {
    String text = text(node, field, where);
    try {
      BigInteger value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
      return Wei.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(where + field + " is not a wei amount below 2^256: " + text);
    }
  }

  private static Address address(String text, String where) {
    try {
      return Address.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(where + " is not an address: " + text);
    }
  }

  private static byte[] hex(String text, String where) {
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(where + " is not hex: " + e.getMessage());
    }
  }

  private static Hash word(String text, String where) {
    byte[] bytes = hex(text, where);
    if (bytes.length > Hash.SIZE) {
      throw new InvalidChainSpecException(where + " is longer than 32 bytes");
    }
    return Hash.wrap(Bytes.leftPad(bytes, Hash.SIZE));
  }
}

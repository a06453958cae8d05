package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.InvalidSignatureException;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x01: the address that signed a hash. Input is hash || v || r || s, four 32-byte words; v must be the
 * word 27 or 28. Any s in [1, n-1] is accepted (EIP-2's low-s rule binds transactions, not this contract).
 * An invalid signature is not an error: the call succeeds with empty output and costs the same 3000 gas.
 */
public final class EcRecoverPrecompile implements Precompile {
  private static final long GAS = 3000;
  private static final int INPUT_SIZE = 128;
  private static final int V_OFFSET = 32;
  private static final int R_OFFSET = 64;
  private static final int S_OFFSET = 96;

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    byte[] padded = PrecompileInputs.rightPadded(input, INPUT_SIZE);
    int recoveryId = recoveryId(padded);
    if (recoveryId < 0) {
      return PrecompileResult.success(Bytes.EMPTY);
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(padded, R_OFFSET, S_OFFSET));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(padded, S_OFFSET, INPUT_SIZE));
    try {
      Signature signature = Signature.create(r, s, recoveryId);
      Hash hash = Hash.wrap(Arrays.copyOfRange(padded, 0, V_OFFSET));
      byte[] address = Secp256k1.recoverAllowingHighS(hash, signature).toAddress().toArray();
      return PrecompileResult.success(Bytes.leftPad(address, PrecompileInputs.WORD_SIZE));
    } catch (InvalidSignatureException e) {
      return PrecompileResult.success(Bytes.EMPTY);
    }
  }

  /** 0 or 1 for a v word of 27 or 28; -1 for any other word. */
  private static int recoveryId(byte[] padded) {
    for (int i = V_OFFSET; i < R_OFFSET - 1; i++) {
      if (padded[i] != 0) {
        return -1;
      }
    }
    int v = padded[R_OFFSET - 1] & 0xff;
    return v == 27 || v == 28 ? v - 27 : -1;
  }
}

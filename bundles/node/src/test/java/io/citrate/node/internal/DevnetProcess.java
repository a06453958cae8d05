package io.citrate.node.internal;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.store.internal.XodusKeyValueStore;
import io.citrate.txpool.api.Admission;
import java.nio.file.Path;
import java.util.List;

/**
 * A devnet node in a process of its own on a durable Xodus store, for {@link NodeCrashRecoveryTest} to kill:
 * it submits transfers from several accounts, printing {@code ACK <hash>} once the node has acknowledged one,
 * and produces a block every few, printing {@code BLOCK <number>} once it is committed. It runs until killed.
 */
public final class DevnetProcess {
  static final List<PrivateKey> SENDERS = List.of(Devnet.ALICE, Devnet.BOB, PrivateKey.fromHex(
      "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"));

  private DevnetProcess() {}

  public static void main(String[] args) {
    XodusKeyValueStore store = XodusKeyValueStore.open(Path.of(args[0]), true);
    Devnet devnet = new Devnet(store, ProductionSettings.Mode.OFF);
    devnet.node.restorePendingTransactions();
    for (long i = 0; ; i++) {
      PrivateKey sender = SENDERS.get((int) (i % SENDERS.size()));
      Address from = sender.publicKey().toAddress();
      Transaction transfer = devnet.transfer(sender, devnet.pool.nextNonce(from), Devnet.CAROL, Wei.of(1 + i), 1);
      Admission admission = devnet.node.admit(transfer.encoded());
      if (admission.isAccepted()) {
        System.out.println("ACK " + transfer.hash());
      }
      if (i % 5 == 4) {
        devnet.node.produceBlock();
        System.out.println("BLOCK " + devnet.node.status().headNumber());
      }
      System.out.flush();
    }
  }
}

package io.citrate.ipfs.internal.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.store.api.MemoryKeyValueStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalPinBackendTest {
  private final KeyValueBlockstore local = new KeyValueBlockstore(new MemoryKeyValueStore());
  private final FakeKubo kubo = new FakeKubo();
  private final KuboPinBackend source = new KuboPinBackend(kubo.url(), Duration.ofSeconds(2), local);

  LocalPinBackendTest() throws Exception {}

  @AfterEach
  void close() {
    kubo.close();
  }

  @Test
  void contentHeldWholeIsPinnedWithoutFetching() {
    Cid directory = Content.directory(local, ImportOptions.KUBO_DEFAULT);

    new LocalPinBackend(local, Optional.of(source)).pin(directory, "");

    assertThat(kubo.commands).isEmpty();
  }

  @Test
  void missingBlocksAreFetchedVerifiedAndStored() {
    Cid cid = Content.file(kubo.blocks, Content.bytes(900_000, 1), ImportOptions.KUBO_DEFAULT);
    long before = local.statistics().blocks();

    new LocalPinBackend(local, Optional.of(source)).pin(cid, "");

    assertThat(local.has(cid)).isTrue();
    assertThat(local.statistics().blocks() - before).isEqualTo(5);
    assertThat(kubo.commands).hasSize(5).containsOnly("block/get");
    new LocalPinBackend(local, Optional.empty()).pin(cid, "");
  }

  @Test
  void withNothingToFetchFromTheFirstMissingBlockIsNamed() {
    Cid present = Content.file(local, Content.bytes(100, 2), ImportOptions.KUBO_CID_V1);
    Cid missing = Cid.of(1, Cid.RAW, Content.bytes(100, 3));
    byte[] parent = new PbNode(List.of(new PbLink(present, "a", 100), new PbLink(missing, "b", 100)),
        new byte[] {8, 1}).encode();
    Cid root = Cid.of(1, Cid.DAG_PB, parent);
    local.put(root, parent);

    assertThatThrownBy(() -> new LocalPinBackend(local, Optional.empty()).pin(root, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("block " + missing + " of " + root)
        .hasMessageContaining("no source to fetch it from");
  }

  @Test
  void garbageFromTheSourceIsRefusedAndNothingIsStored() {
    Cid cid = Content.file(kubo.blocks, Content.bytes(1_000, 4), ImportOptions.KUBO_CID_V1);
    kubo.corruptBlocks = true;

    assertThatThrownBy(() -> new LocalPinBackend(local, Optional.of(source)).pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("do not hash to it");
    assertThat(local.has(cid)).isFalse();
    assertThat(local.statistics().blocks()).isZero();
  }
}

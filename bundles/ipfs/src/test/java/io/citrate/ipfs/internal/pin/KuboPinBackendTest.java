package io.citrate.ipfs.internal.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.store.api.MemoryKeyValueStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KuboPinBackendTest {
  private final FakeKubo kubo = new FakeKubo();
  private final KeyValueBlockstore local = new KeyValueBlockstore(new MemoryKeyValueStore());
  private final KuboPinBackend backend = new KuboPinBackend(kubo.url(), Duration.ofSeconds(1), local);

  KuboPinBackendTest() throws Exception {}

  @AfterEach
  void close() {
    kubo.close();
  }

  @Test
  void uploadsAFileWithKubosDefaultsAndGetsTheSameCid() {
    Cid v0 = Content.file(local, Content.bytes(700_000, 1), ImportOptions.KUBO_DEFAULT);
    Cid v1 = Content.file(local, Content.bytes(300_000, 2), ImportOptions.KUBO_CID_V1);

    backend.pin(v0, "weights");
    backend.pin(v1, "weights");

    assertThat(kubo.pinned(v0)).isTrue();
    assertThat(kubo.pinned(v1)).isTrue();
    assertThat(kubo.commands).containsExactly("pin/ls", "add", "pin/ls", "add");
  }

  @Test
  void importsDirectoriesAndDagsAddCannotReproduceAsACar() {
    Cid directory = Content.directory(local, ImportOptions.KUBO_DEFAULT);
    ImportOptions smallChunks = new ImportOptions(1, true, 1024, 174, ImportOptions.DEFAULT_SHARD_THRESHOLD);
    Cid oddFile = Content.file(local, Content.bytes(5_000, 3), smallChunks);

    backend.pin(directory, "");
    backend.pin(oddFile, "");

    assertThat(kubo.pinned(directory)).isTrue();
    assertThat(kubo.pinned(oddFile)).isTrue();
    assertThat(kubo.blocks.has(oddFile)).isTrue();
    assertThat(kubo.commands).containsExactly("pin/ls", "dag/import", "pin/ls", "dag/import");
  }

  @Test
  void contentPinnedThereAlreadyIsNotSentAgain() {
    Cid cid = Content.file(local, Content.bytes(1_000, 4), ImportOptions.KUBO_DEFAULT);
    kubo.pin(cid);

    backend.pin(cid, "");

    assertThat(kubo.commands).containsExactly("pin/ls");
  }

  @Test
  void contentTheNodeDoesNotHoldIsFetchedByKuboFromItsNetwork() {
    Cid cid = Content.file(kubo.network, Content.bytes(400_000, 5), ImportOptions.KUBO_CID_V1);

    backend.pin(cid, "");

    assertThat(kubo.pinned(cid)).isTrue();
    assertThat(kubo.commands).containsExactly("pin/ls", "pin/add");
  }

  @Test
  void aCidMismatchFailsForGoodAndLeavesNoStrayPin() {
    Cid cid = Content.file(local, Content.bytes(700_000, 6), ImportOptions.KUBO_DEFAULT);
    kubo.addChunkSizeOverride = 100_000;

    assertThatThrownBy(() -> backend.pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("not " + cid);
    assertThat(kubo.pinned(cid)).isFalse();
    assertThat(kubo.commands).containsExactly("pin/ls", "add", "pin/rm");
  }

  @Test
  void serverErrorsAndTimeoutsAreRetryableClientErrorsAreNot() {
    Cid cid = Content.file(local, Content.bytes(1_000, 8), ImportOptions.KUBO_DEFAULT);

    kubo.failNext(1, 500, "{\"Message\":\"repo is locked\",\"Code\":0,\"Type\":\"error\"}");
    assertThatThrownBy(() -> backend.pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("500").hasMessageContaining("repo is locked");

    kubo.failNext(1, 400, "{\"Message\":\"unknown option \\\"pin\\\"\",\"Code\":1,\"Type\":\"error\"}");
    assertThatThrownBy(() -> backend.pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("400");

    kubo.hangNext(1);
    long started = System.nanoTime();
    assertThatThrownBy(() -> backend.pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("no answer within 1000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

    backend.pin(cid, "");
    assertThat(kubo.pinned(cid)).isTrue();
  }

  @Test
  void garbageAnswersAreRetryableFailuresThatSaySo() {
    Cid cid = Content.file(local, Content.bytes(1_000, 9), ImportOptions.KUBO_DEFAULT);
    kubo.failNext(1, 200, "<html>proxy</html>");

    assertThatThrownBy(() -> backend.pin(cid, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("pin/ls with invalid JSON");
  }

  @Test
  void blockGetIsVerified() {
    Cid cid = Content.file(kubo.blocks, Content.bytes(1_000, 10), ImportOptions.KUBO_CID_V1);
    assertThat(cid.matches(backend.get(cid))).isTrue();

    Cid absent = Cid.of(1, Cid.RAW, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> backend.get(absent))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));

    kubo.corruptBlocks = true;
    assertThatThrownBy(() -> backend.get(cid))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK))
        .hasMessageContaining("do not hash to it");
  }

  @Test
  void unpinRemovesThePinAndToleratesOneThatIsGone() {
    Cid cid = Content.file(local, Content.bytes(1_000, 11), ImportOptions.KUBO_DEFAULT);
    backend.pin(cid, "");

    backend.unpin(cid);
    backend.unpin(cid);

    assertThat(kubo.pinned(cid)).isFalse();
  }
}

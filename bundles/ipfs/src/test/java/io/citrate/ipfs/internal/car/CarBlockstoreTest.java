package io.citrate.ipfs.internal.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.unixfs.TestDag;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A CAR moved between two blockstores: exported from one, imported through the other's batching writer, read back. */
class CarBlockstoreTest {
  @Test
  void aDagExportedFromOneBlockstoreReadsBackFromAnother() throws IOException {
    byte[] content = new byte[50_000];
    new Random(11).nextBytes(content);
    TestDag dag = new TestDag(0);
    Cid file = dag.file(content, 1000, 10, false);
    Cid root = dag.directory(Map.of("model.bin", file));
    KeyValueBlockstore source = new KeyValueBlockstore(new MemoryKeyValueStore());
    dag.blocks().forEach(source::put);

    ByteArrayOutputStream car = new ByteArrayOutputStream();
    long written = CarWriter.write(root, source, car);
    assertThat(written).isEqualTo(dag.blocks().size());

    KeyValueBlockstore target = new KeyValueBlockstore(new MemoryKeyValueStore());
    try (KeyValueBlockstore.BlockWriter writer = target.writer()) {
      assertThat(CarReader.read(new ByteArrayInputStream(car.toByteArray()), writer)).containsExactly(root);
    }
    UnixFsReader reader = new UnixFsReader(target);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reader.read(reader.resolve(new IpfsPath(root, List.of("model.bin"))), 0, Long.MAX_VALUE, out);
    assertThat(out.toByteArray()).isEqualTo(content);
  }

  @Test
  void aCorruptCarStoresOnlyTheBlocksBeforeTheCorruption() throws IOException {
    TestDag dag = new TestDag(1);
    Cid first = dag.raw(new byte[] {1});
    Cid second = dag.raw(new byte[] {2});
    Cid root = dag.fileNode(null, List.of(first, second));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarWriter.write(root, dag, out);
    byte[] car = out.toByteArray();
    car[car.length - 1] = 9;

    KeyValueBlockstore target = new KeyValueBlockstore(new MemoryKeyValueStore());
    try (KeyValueBlockstore.BlockWriter writer = target.writer()) {
      assertThatThrownBy(() -> CarReader.read(new ByteArrayInputStream(car), writer))
          .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK));
    }
    assertThat(target.has(root)).isTrue();
    assertThat(target.has(first)).isTrue();
    assertThat(target.has(second)).isFalse();
  }
}

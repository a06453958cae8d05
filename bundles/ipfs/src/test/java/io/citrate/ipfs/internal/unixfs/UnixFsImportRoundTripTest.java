package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.car.CarReader;
import io.citrate.ipfs.internal.car.CarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the importer writes, the reader reads back, and a CAR of it carries whole, for both Kubo presets. */
class UnixFsImportRoundTripTest {
  private static byte[] read(UnixFsReader reader, Cid file, long offset, long length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reader.read(file, offset, length, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void importedFilesReadBackWithTheirSizes(int version) throws IOException {
    for (int size : new int[] {0, 1, 262143, 262144, 262145, 3 * 262144 + 17}) {
      byte[] content = new byte[size];
      new Random(size).nextBytes(content);
      TestDag blocks = new TestDag(version);
      ImportResult result = new FileImporter(ImportOptions.kubo(version), blocks::put)
          .importFile(new ByteArrayInputStream(content));
      UnixFsReader reader = new UnixFsReader(blocks);

      assertThat(read(reader, result.root(), 0, Long.MAX_VALUE)).isEqualTo(content);
      int middle = size / 2;
      assertThat(read(reader, result.root(), middle, 300_000))
          .isEqualTo(Arrays.copyOfRange(content, middle, (int) Math.min(size, middle + 300_000L)));
      UnixFsEntry stat = reader.stat(result.root());
      assertThat(stat.size()).isEqualTo(size);
      assertThat(stat.dagSize()).isEqualTo(result.dagBytes());

      ByteArrayOutputStream car = new ByteArrayOutputStream();
      assertThat(CarWriter.write(result.root(), blocks, car)).isEqualTo(blocks.blocks().size());
      TestDag copy = new TestDag(version);
      CarReader.read(new ByteArrayInputStream(car.toByteArray()), copy::put);
      assertThat(read(new UnixFsReader(copy), result.root(), 0, Long.MAX_VALUE)).isEqualTo(content);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void importedDirectoriesBasicAndShardedResolve(int version) throws IOException {
    // 5000 entries of 35-byte names are over Kubo's sharding threshold: "sub" becomes a HAMT.
    for (int count : new int[] {3, 5000}) {
      TestDag blocks = new TestDag(version);
      DirectoryImporter importer = new DirectoryImporter(ImportOptions.kubo(version), blocks::put);
      List<String> names = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        String name = String.format("entry-with-a-long-name-%05d.txt", index);
        names.add(name);
        importer.addFile("sub/" + name, new ByteArrayInputStream(("v" + index).getBytes(StandardCharsets.UTF_8)));
      }
      importer.addDirectory("empty");
      ImportResult result = importer.finish();
      UnixFsReader reader = new UnixFsReader(blocks);

      assertThat(reader.list(result.root())).extracting(UnixFsEntry::name).containsExactly("empty", "sub");
      Cid sub = reader.resolve(new IpfsPath(result.root(), List.of("sub")));
      assertThat(reader.stat(sub).type())
          .isEqualTo(count > 3 ? UnixFsEntry.Type.HAMT_DIRECTORY : UnixFsEntry.Type.DIRECTORY);
      assertThat(reader.list(sub)).extracting(UnixFsEntry::name).containsExactlyElementsOf(names);
      for (int index = 0; index < count; index += 37) {
        Cid file = reader.resolve(new IpfsPath(result.root(), List.of("sub", names.get(index))));
        assertThat(new String(read(reader, file, 0, 100), StandardCharsets.UTF_8)).isEqualTo("v" + index);
      }
      assertThat(reader.stat(result.root()).dagSize()).isEqualTo(result.dagBytes());
      ByteArrayOutputStream car = new ByteArrayOutputStream();
      assertThat(CarWriter.write(result.root(), blocks, car)).isEqualTo(blocks.blocks().size());
    }
  }
}

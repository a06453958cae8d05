package io.citrate.tensor.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One ONNX node test folder: {@code model.onnx} with a single node and {@code test_data_set_N/} folders holding
 * {@code input_K.pb} for the K-th fed graph input and {@code output_K.pb} for the K-th graph output.
 */
record NodeTestCase(String name, Path folder, OnnxModel model, List<DataSet> dataSets) {

  /** One data set: the graph's inputs and expected outputs by name, initializers included among the inputs. */
  record DataSet(String name, Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> expectedOutputs) {}

  static Path testdataRoot() {
    String root = System.getProperty("citrate.testdata");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException("the system property citrate.testdata must name the test data folder");
    }
    return Paths.get(root);
  }

  /** The folders under {@code node/} that hold a {@code model.onnx}, by name. */
  static List<Path> discover(Path nodeFolder) {
    try (Stream<Path> children = Files.list(nodeFolder)) {
      return children.filter(child -> Files.isRegularFile(child.resolve("model.onnx"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + nodeFolder, e);
    }
  }

  static NodeTestCase load(Path folder) {
    OnnxModel model = OnnxModel.read(folder.resolve("model.onnx"));
    List<DataSet> dataSets = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path set : children.filter(child -> child.getFileName().toString().startsWith("test_data_set_"))
          .sorted().toList()) {
        dataSets.add(loadDataSet(model, set));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    if (dataSets.isEmpty()) {
      throw new OnnxFormatException(folder + " has no test_data_set_N folder");
    }
    return new NodeTestCase(folder.getFileName().toString(), folder, model, dataSets);
  }

  private static DataSet loadDataSet(OnnxModel model, Path set) {
    Map<String, OnnxTensor> inputs = new LinkedHashMap<>(model.initializers());
    List<String> fed = model.fedInputs();
    for (int i = 0; i < fed.size(); i++) {
      inputs.put(fed.get(i), OnnxTensor.read(requireFile(set.resolve("input_" + i + ".pb"))));
    }
    Map<String, OnnxTensor> outputs = new LinkedHashMap<>();
    List<String> graphOutputs = model.graphOutputs();
    for (int i = 0; i < graphOutputs.size(); i++) {
      outputs.put(graphOutputs.get(i), OnnxTensor.read(requireFile(set.resolve("output_" + i + ".pb"))));
    }
    return new DataSet(set.getFileName().toString(), inputs, outputs);
  }

  private static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new OnnxFormatException("missing " + file);
    }
    return file;
  }
}

package io.citrate.tensor.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a ModelProto a node test needs: the opsets it imports, the graph's input and output names, its
 * initializers and its nodes.
 */
record OnnxModel(long irVersion, Map<String, Long> opsets, List<String> graphInputs, List<String> graphOutputs,
    Map<String, OnnxTensor> initializers, List<OnnxNode> nodes) {

  OnnxModel {
    opsets = Map.copyOf(opsets);
    graphInputs = List.copyOf(graphInputs);
    graphOutputs = List.copyOf(graphOutputs);
    initializers = Map.copyOf(initializers);
    nodes = List.copyOf(nodes);
  }

  static OnnxModel read(Path file) {
    return ProtobufReader.parseFile(file, "ModelProto", OnnxModel::parse);
  }

  static OnnxModel parse(ProtobufReader in) {
    long irVersion = 0;
    Map<String, Long> opsets = new LinkedHashMap<>();
    ProtobufReader graph = null;
    while (in.hasMore()) {
      in.readTag();
      switch (in.fieldNumber()) {
        case 1 -> {
          in.expectWireType(ProtobufReader.VARINT, "ir_version");
          irVersion = in.readVarint();
        }
        case 7 -> {
          if (graph != null) {
            throw in.malformed("more than one graph");
          }
          graph = in.readMessage();
        }
        case 8 -> readOpset(in.readMessage(), opsets);
        default -> in.skipField();
      }
    }
    if (graph == null) {
      throw in.malformed("no graph");
    }
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    Map<String, OnnxTensor> initializers = new HashMap<>();
    List<OnnxNode> nodes = new ArrayList<>();
    while (graph.hasMore()) {
      graph.readTag();
      switch (graph.fieldNumber()) {
        case 1 -> nodes.add(readNode(graph.readMessage()));
        case 5 -> {
          OnnxTensor initializer = OnnxTensor.parse(graph.readMessage());
          initializers.put(initializer.name(), initializer);
        }
        case 11 -> inputs.add(readValueInfoName(graph.readMessage()));
        case 12 -> outputs.add(readValueInfoName(graph.readMessage()));
        default -> graph.skipField();
      }
    }
    return new OnnxModel(irVersion, opsets, inputs, outputs, initializers, nodes);
  }

  /** The graph's only node; a node test has exactly one. */
  OnnxNode singleNode() {
    if (nodes.size() != 1) {
      throw new OnnxFormatException("a node test has one node, this graph has " + nodes.size());
    }
    return nodes.get(0);
  }

  /** Graph inputs that are fed at run time: those without an initializer. */
  List<String> fedInputs() {
    return graphInputs.stream().filter(name -> !initializers.containsKey(name)).toList();
  }

  private static void readOpset(ProtobufReader in, Map<String, Long> opsets) {
    String domain = "";
    long version = 0;
    while (in.hasMore()) {
      in.readTag();
      switch (in.fieldNumber()) {
        case 1 -> domain = in.readString();
        case 2 -> {
          in.expectWireType(ProtobufReader.VARINT, "opset version");
          version = in.readVarint();
        }
        default -> in.skipField();
      }
    }
    opsets.put(domain, version);
  }

  private static OnnxNode readNode(ProtobufReader in) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    String opType = null;
    String domain = "";
    while (in.hasMore()) {
      in.readTag();
      switch (in.fieldNumber()) {
        case 1 -> inputs.add(in.readString());
        case 2 -> outputs.add(in.readString());
        case 4 -> opType = in.readString();
        case 5 -> {
          OnnxAttribute attribute = OnnxAttribute.parse(in.readMessage());
          if (attributes.put(attribute.name(), attribute) != null) {
            throw in.malformed("attribute '" + attribute.name() + "' given twice");
          }
        }
        case 7 -> domain = in.readString();
        default -> in.skipField();
      }
    }
    if (opType == null || opType.isEmpty()) {
      throw in.malformed("node without an op_type");
    }
    return new OnnxNode(opType, domain, inputs, outputs, attributes);
  }

  private static String readValueInfoName(ProtobufReader in) {
    String name = null;
    while (in.hasMore()) {
      in.readTag();
      if (in.fieldNumber() == 1) {
        name = in.readString();
      } else {
        in.skipField();
      }
    }
    if (name == null || name.isEmpty()) {
      throw in.malformed("graph input or output without a name");
    }
    return name;
  }
}

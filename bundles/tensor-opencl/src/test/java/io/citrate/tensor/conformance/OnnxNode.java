package io.citrate.tensor.conformance;

import java.util.List;
import java.util.Map;

/**
 * One NodeProto: its operator, its input and output names (an empty input name is an optional input left out)
 * and its attributes by name.
 */
record OnnxNode(String opType, String domain, List<String> inputs, List<String> outputs,
    Map<String, OnnxAttribute> attributes) {

  OnnxNode {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    attributes = Map.copyOf(attributes);
  }

  boolean hasOutput(int index) {
    return index < outputs.size() && !outputs.get(index).isEmpty();
  }

  OnnxAttribute attribute(String name) {
    return attributes.get(name);
  }

  long intAttribute(String name, long defaultValue) {
    OnnxAttribute attribute = attributes.get(name);
    return attribute == null ? defaultValue : attribute.requireInt();
  }

  float floatAttribute(String name, float defaultValue) {
    OnnxAttribute attribute = attributes.get(name);
    return attribute == null ? defaultValue : attribute.requireFloat();
  }

  String stringAttribute(String name, String defaultValue) {
    OnnxAttribute attribute = attributes.get(name);
    return attribute == null ? defaultValue : attribute.requireString();
  }

  /** An ints attribute as int[], empty when absent. */
  int[] intsAttribute(String name) {
    OnnxAttribute attribute = attributes.get(name);
    if (attribute == null) {
      return new int[0];
    }
    long[] values = attribute.requireInts();
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = Math.toIntExact(values[i]);
    }
    return ints;
  }
}

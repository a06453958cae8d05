package io.citrate.tensor.conformance;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.GeluApproximation;
import io.citrate.tensor.api.GemmOptions;
import io.citrate.tensor.api.LayerNormResult;
import io.citrate.tensor.api.MaxPoolResult;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How each ONNX operator of the node tests runs as TensorSession calls. Attributes and the integer inputs that
 * parameterise an operator (shapes, axes, Clip bounds, Gather indices) are read on the host, as a model runtime
 * reads them; everything else goes to the device. A test needing a type, an operator or an attribute value the
 * Tensor API does not have ends in {@link NotApplicableException} with the reason.
 */
final class OnnxNodeMapping {

  /** The operators whose integer forms the conformance run also checks in EXACT mode. */
  static final Set<String> EXACT_OPERATORS = Set.of("MatMulInteger", "ConvInteger", "QLinearMatMul", "QLinearConv",
      "QuantizeLinear", "DequantizeLinear");

  private static final Set<String> ONNX_DOMAINS = Set.of("", "ai.onnx");

  /** One operator: its outputs in the order of the node's outputs, null where the node does not ask for one. */
  @FunctionalInterface
  private interface Operator {
    List<Tensor> run(Call call);
  }

  private static final Map<String, Operator> OPERATORS = new HashMap<>();

  static {
    OPERATORS.put("Add", call -> List.of(call.session.add(call.data(0), call.data(1))));
    OPERATORS.put("Sub", call -> List.of(call.session.sub(call.data(0), call.data(1))));
    OPERATORS.put("Mul", call -> List.of(call.session.mul(call.data(0), call.data(1))));
    OPERATORS.put("Div", call -> List.of(call.session.div(call.data(0), call.data(1))));
    OPERATORS.put("Pow", OnnxNodeMapping::pow);
    OPERATORS.put("MatMul", call -> List.of(call.session.matmul(call.data(0), call.data(1))));
    OPERATORS.put("Gemm", OnnxNodeMapping::gemm);
    OPERATORS.put("Relu", call -> List.of(call.session.relu(call.data(0))));
    OPERATORS.put("LeakyRelu", call -> List.of(call.session.leakyRelu(call.data(0),
        call.node.floatAttribute("alpha", 0.01f))));
    OPERATORS.put("Sigmoid", call -> List.of(call.session.sigmoid(call.data(0))));
    OPERATORS.put("Tanh", call -> List.of(call.session.tanh(call.data(0))));
    OPERATORS.put("Erf", call -> List.of(call.session.erf(call.data(0))));
    OPERATORS.put("Exp", call -> List.of(call.session.exp(call.data(0))));
    OPERATORS.put("Log", call -> List.of(call.session.log(call.data(0))));
    OPERATORS.put("Sqrt", call -> List.of(call.session.sqrt(call.data(0))));
    OPERATORS.put("Gelu", OnnxNodeMapping::gelu);
    OPERATORS.put("Softmax", OnnxNodeMapping::softmax);
    OPERATORS.put("Clip", OnnxNodeMapping::clip);
    OPERATORS.put("Where", call -> List.of(call.session.where(call.data(0), call.data(1), call.data(2))));
    OPERATORS.put("Identity", call -> List.of(call.data(0)));
    OPERATORS.put("Conv", call -> List.of(call.session.conv2d(call.data(0), call.data(1), call.optionalData(2),
        convOptions(call))));
    OPERATORS.put("MaxPool", OnnxNodeMapping::maxPool);
    OPERATORS.put("AveragePool", call -> List.of(call.session.averagePool(call.data(0), poolOptions(call))));
    OPERATORS.put("GlobalAveragePool", call -> List.of(call.session.globalAveragePool(call.data(0))));
    OPERATORS.put("BatchNormalization", OnnxNodeMapping::batchNormalization);
    OPERATORS.put("LayerNormalization", OnnxNodeMapping::layerNormalization);
    OPERATORS.put("Flatten", OnnxNodeMapping::flatten);
    OPERATORS.put("Reshape", OnnxNodeMapping::reshape);
    OPERATORS.put("Squeeze", OnnxNodeMapping::squeeze);
    OPERATORS.put("Unsqueeze", OnnxNodeMapping::unsqueeze);
    OPERATORS.put("Transpose", call -> List.of(call.session.transpose(call.data(0),
        call.node.intsAttribute("perm"))));
    OPERATORS.put("Concat", OnnxNodeMapping::concat);
    OPERATORS.put("Gather", call -> List.of(call.session.gather(call.data(0), call.indices(1),
        (int) call.node.intAttribute("axis", 0))));
    OPERATORS.put("ReduceSum", call -> reduce(call, false));
    OPERATORS.put("ReduceMean", call -> reduce(call, true));
    OPERATORS.put("MatMulInteger", call -> List.of(call.session.matMulInteger(call.data(0), call.data(1),
        call.optionalData(2), call.optionalData(3))));
    OPERATORS.put("QLinearMatMul", call -> List.of(call.session.qLinearMatMul(call.data(0), call.scale(1),
        call.optionalData(2), call.data(3), call.scale(4), call.optionalData(5), call.scale(6),
        call.optionalData(7))));
    OPERATORS.put("ConvInteger", call -> List.of(call.session.convInteger(call.data(0), call.data(1),
        call.optionalData(2), call.optionalData(3), convOptions(call))));
    OPERATORS.put("QLinearConv", call -> List.of(call.session.qLinearConv(call.data(0), call.scale(1),
        call.optionalData(2), call.data(3), call.scale(4), call.optionalData(5), call.scale(6),
        call.optionalData(7), call.optionalData(8), convOptions(call))));
    OPERATORS.put("QuantizeLinear", OnnxNodeMapping::quantizeLinear);
    OPERATORS.put("DequantizeLinear", OnnxNodeMapping::dequantizeLinear);
  }

  private OnnxNodeMapping() {}

  /**
   * Runs the model's single node on {@code session} with the given graph inputs; the outputs come in the order
   * of the node's outputs, null for outputs the node leaves unnamed.
   */
  static List<Tensor> run(TensorSession session, OnnxModel model, Map<String, OnnxTensor> inputs) {
    OnnxNode node = model.singleNode();
    Operator operator = operator(node);
    List<OnnxTensor> nodeInputs = new ArrayList<>();
    for (int i = 0; i < node.inputs().size(); i++) {
      String name = node.inputs().get(i);
      if (name.isEmpty()) {
        nodeInputs.add(null);
      } else {
        OnnxTensor tensor = inputs.get(name);
        if (tensor == null) {
          throw new OnnxFormatException(node.opType() + " input '" + name + "' is neither fed nor an initializer");
        }
        nodeInputs.add(tensor);
      }
    }
    long opset = model.opsets().getOrDefault("", model.opsets().getOrDefault("ai.onnx", 0L));
    return operator.run(new Call(session, node, nodeInputs, opset));
  }

  /** Fails with NotApplicableException unless the node's operator has a mapping here. */
  static void requireMapped(OnnxNode node) {
    operator(node);
  }

  private static Operator operator(OnnxNode node) {
    if (!ONNX_DOMAINS.contains(node.domain())) {
      throw new NotApplicableException("operator domain '" + node.domain() + "' is not ai.onnx");
    }
    Operator operator = OPERATORS.get(node.opType());
    if (operator == null) {
      throw new NotApplicableException(node.opType() + " is not a Tensor API operation");
    }
    return operator;
  }

  /** The Tensor API type an ONNX element type becomes, or a NotApplicableException saying it has none. */
  static DType apiType(OnnxDataType type, NumericMode mode) {
    return switch (type) {
      case FLOAT -> mode == NumericMode.EXACT ? DType.Q16_16 : DType.FLOAT32;
      case UINT8, BOOL -> DType.UINT8;
      case INT8 -> DType.INT8;
      case INT32 -> DType.INT32;
      default -> throw new NotApplicableException(type + " is not a Tensor API type");
    };
  }

  private static List<Tensor> pow(Call call) {
    for (int i = 0; i < 2; i++) {
      if (call.input(i).dataType() != OnnxDataType.FLOAT) {
        throw new NotApplicableException("Pow takes FLOAT32 only, input " + i + " is " + call.input(i).dataType());
      }
    }
    return List.of(call.session.pow(call.data(0), call.data(1)));
  }

  private static List<Tensor> gemm(Call call) {
    OnnxNode node = call.node;
    GemmOptions options = new GemmOptions(node.floatAttribute("alpha", 1f), node.floatAttribute("beta", 1f),
        node.intAttribute("transA", 0) != 0, node.intAttribute("transB", 0) != 0);
    return List.of(call.session.gemm(call.data(0), call.data(1), call.optionalData(2), options));
  }

  private static List<Tensor> gelu(Call call) {
    String approximate = call.node.stringAttribute("approximate", "none");
    GeluApproximation approximation = switch (approximate) {
      case "none" -> GeluApproximation.NONE;
      case "tanh" -> GeluApproximation.TANH;
      default -> throw new OnnxFormatException("Gelu approximate='" + approximate + "' is not none or tanh");
    };
    return List.of(call.session.gelu(call.data(0), approximation));
  }

  /** Before opset 13 Softmax normalises over every dimension from the axis on, as one flattened row. */
  private static List<Tensor> softmax(Call call) {
    if (call.opset >= 13) {
      return List.of(call.session.softmax(call.data(0), (int) call.node.intAttribute("axis", -1)));
    }
    int[] dims = call.dims(0);
    int axis = normalizeAxis((int) call.node.intAttribute("axis", 1), dims.length);
    int[] rows = {product(dims, 0, axis), product(dims, axis, dims.length)};
    Tensor normalized = call.session.softmax(call.session.reshape(call.data(0), rows), 1);
    return List.of(call.session.reshape(normalized, dims));
  }

  /** Bounds come from the optional inputs (opset 11 on) or the attributes (before); absent means unbounded. */
  private static List<Tensor> clip(Call call) {
    double min;
    double max;
    if (call.opset >= 11) {
      min = call.has(1) ? call.hostScalar(1) : Double.NEGATIVE_INFINITY;
      max = call.has(2) ? call.hostScalar(2) : Double.POSITIVE_INFINITY;
    } else {
      min = call.node.floatAttribute("min", Float.NEGATIVE_INFINITY);
      max = call.node.floatAttribute("max", Float.POSITIVE_INFINITY);
    }
    return List.of(call.session.clip(call.data(0), min, max));
  }

  private static List<Tensor> maxPool(Call call) {
    PoolOptions options = poolOptions(call);
    if (!call.node.hasOutput(1)) {
      return List.of(call.session.maxPool(call.data(0), options));
    }
    MaxPoolResult result = call.session.maxPoolWithIndices(call.data(0), options);
    Tensor indices = result.indices();
    if (call.node.intAttribute("storage_order", 0) == 1) {
      indices = columnMajorIndices(call, indices, call.dims(0));
    }
    return Arrays.asList(result.values(), indices);
  }

  /**
   * The Tensor API gives row-major indices (storage_order 0); storage_order 1 numbers each (n, c) plane's
   * elements column-major, which the host derives from the row-major index.
   */
  private static Tensor columnMajorIndices(Call call, Tensor rowMajor, int[] inputDims) {
    int[] spatial = Arrays.copyOfRange(inputDims, 2, inputDims.length);
    int planeSize = product(spatial, 0, spatial.length);
    int[] indices = call.session.readInts(rowMajor);
    int[] coordinates = new int[spatial.length];
    for (int i = 0; i < indices.length; i++) {
      int plane = indices[i] / planeSize;
      int rest = indices[i] % planeSize;
      for (int axis = spatial.length - 1; axis >= 0; axis--) {
        coordinates[axis] = rest % spatial[axis];
        rest /= spatial[axis];
      }
      int columnMajor = 0;
      for (int axis = spatial.length - 1; axis >= 0; axis--) {
        columnMajor = columnMajor * spatial[axis] + coordinates[axis];
      }
      indices[i] = plane * planeSize + columnMajor;
    }
    return call.session.fromInts(DType.INT32, rowMajor.shape(), indices);
  }

  private static List<Tensor> batchNormalization(Call call) {
    if (call.node.intAttribute("training_mode", 0) != 0) {
      throw new NotApplicableException("BatchNormalization in training mode is not a Tensor API operation");
    }
    return List.of(call.session.batchNorm(call.data(0), call.data(1), call.data(2), call.data(3), call.data(4),
        call.node.floatAttribute("epsilon", 1e-5f)));
  }

  private static List<Tensor> layerNormalization(Call call) {
    LayerNormResult result = call.session.layerNorm(call.data(0), call.data(1), call.optionalData(2),
        (int) call.node.intAttribute("axis", -1), call.node.floatAttribute("epsilon", 1e-5f));
    return Arrays.asList(result.output(), result.mean(), result.inverseStdDev());
  }

  private static List<Tensor> flatten(Call call) {
    int[] dims = call.dims(0);
    int axis = (int) call.node.intAttribute("axis", 1);
    if (axis < 0) {
      axis += dims.length;
    }
    if (axis < 0 || axis > dims.length) {
      throw new OnnxFormatException("Flatten axis " + call.node.intAttribute("axis", 1) + " outside rank "
          + dims.length);
    }
    return List.of(call.session.reshape(call.data(0), product(dims, 0, axis), product(dims, axis, dims.length)));
  }

  /** ONNX Reshape: 0 copies the input's dimension unless allowzero is set; -1 is left to the session. */
  private static List<Tensor> reshape(Call call) {
    int[] inputDims = call.dims(0);
    int[] target = call.hostInts(1);
    boolean allowZero = call.node.intAttribute("allowzero", 0) != 0;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == 0 && !allowZero) {
        if (i >= inputDims.length) {
          throw new OnnxFormatException("Reshape copies dimension " + i + " the input does not have");
        }
        target[i] = inputDims[i];
      }
    }
    return List.of(call.session.reshape(call.data(0), target));
  }

  private static List<Tensor> squeeze(Call call) {
    int[] dims = call.dims(0);
    int[] axes = call.axes(1);
    boolean[] removed = new boolean[dims.length];
    if (axes.length == 0) {
      for (int i = 0; i < dims.length; i++) {
        removed[i] = dims[i] == 1;
      }
    }
    for (int axis : axes) {
      int normalized = normalizeAxis(axis, dims.length);
      if (dims[normalized] != 1) {
        throw new OnnxFormatException("Squeeze axis " + axis + " has size " + dims[normalized]);
      }
      removed[normalized] = true;
    }
    int[] kept = new int[dims.length];
    int rank = 0;
    for (int i = 0; i < dims.length; i++) {
      if (!removed[i]) {
        kept[rank++] = dims[i];
      }
    }
    return List.of(call.session.reshape(call.data(0), Arrays.copyOf(kept, rank)));
  }

  private static List<Tensor> unsqueeze(Call call) {
    int[] dims = call.dims(0);
    int[] axes = call.axes(1);
    int rank = dims.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (int axis : axes) {
      int normalized = normalizeAxis(axis, rank);
      if (inserted[normalized]) {
        throw new OnnxFormatException("Unsqueeze axis " + axis + " given twice");
      }
      inserted[normalized] = true;
    }
    int[] target = new int[rank];
    for (int i = 0, next = 0; i < rank; i++) {
      target[i] = inserted[i] ? 1 : dims[next++];
    }
    return List.of(call.session.reshape(call.data(0), target));
  }

  private static List<Tensor> concat(Call call) {
    Tensor[] parts = new Tensor[call.node.inputs().size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = call.data(i);
    }
    return List.of(call.session.concat((int) call.node.intAttribute("axis", 0), parts));
  }

  /** Axes come from input 1 (ReduceSum from opset 13, the others from 18) or the attribute before that. */
  private static List<Tensor> reduce(Call call, boolean mean) {
    int[] axes = call.axes(1);
    boolean keepDims = call.node.intAttribute("keepdims", 1) != 0;
    if (axes.length == 0 && call.node.intAttribute("noop_with_empty_axes", 0) != 0) {
      return List.of(call.data(0));
    }
    Tensor x = call.data(0);
    return List.of(mean ? call.session.reduceMean(x, axes, keepDims) : call.session.reduceSum(x, axes, keepDims));
  }

  private static List<Tensor> quantizeLinear(Call call) {
    requireUnblocked(call);
    Tensor zeroPoint = call.optionalData(2);
    long outputType = call.node.intAttribute("output_dtype", 0);
    if (zeroPoint == null && outputType != 0) {
      DType type = apiType(OnnxDataType.of(outputType), NumericMode.FAST);
      if (!type.isQuantized()) {
        throw new NotApplicableException("QuantizeLinear to " + OnnxDataType.of(outputType)
            + " is not a Tensor API quantization");
      }
      zeroPoint = call.session.fromInts(type, Shape.of(call.dims(1)), new int[call.input(1).elementCount()]);
    }
    return List.of(call.session.quantizeLinear(call.data(0), call.scale(1), zeroPoint,
        (int) call.node.intAttribute("axis", 1)));
  }

  private static List<Tensor> dequantizeLinear(Call call) {
    requireUnblocked(call);
    return List.of(call.session.dequantizeLinear(call.data(0), call.scale(1), call.optionalData(2),
        (int) call.node.intAttribute("axis", 1)));
  }

  private static void requireUnblocked(Call call) {
    if (call.node.intAttribute("block_size", 0) != 0) {
      throw new NotApplicableException("blocked quantization (block_size " + call.node.intAttribute("block_size", 0)
          + ") is not a Tensor API quantization");
    }
  }

  private static ConvOptions convOptions(Call call) {
    if (call.input(0).rank() != 4) {
      throw new NotApplicableException(call.node.opType() + " over " + (call.input(0).rank() - 2)
          + " spatial dimensions: the Tensor API convolves 2-D only");
    }
    OnnxNode node = call.node;
    return new ConvOptions(node.intsAttribute("strides"), node.intsAttribute("pads"),
        node.intsAttribute("dilations"), (int) node.intAttribute("group", 1), autoPad(node));
  }

  private static PoolOptions poolOptions(Call call) {
    OnnxNode node = call.node;
    return new PoolOptions(node.intsAttribute("kernel_shape"), node.intsAttribute("strides"),
        node.intsAttribute("pads"), node.intsAttribute("dilations"), autoPad(node),
        node.intAttribute("ceil_mode", 0) != 0, node.intAttribute("count_include_pad", 0) != 0);
  }

  private static AutoPad autoPad(OnnxNode node) {
    String autoPad = node.stringAttribute("auto_pad", "NOTSET");
    try {
      return AutoPad.valueOf(autoPad.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OnnxFormatException("auto_pad '" + autoPad + "' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
    }
  }

  private static int normalizeAxis(int axis, int rank) {
    int normalized = axis < 0 ? axis + rank : axis;
    if (normalized < 0 || normalized >= rank) {
      throw new OnnxFormatException("axis " + axis + " outside rank " + rank);
    }
    return normalized;
  }

  private static int product(int[] dims, int from, int to) {
    int product = 1;
    for (int i = from; i < to; i++) {
      product = Math.multiplyExact(product, dims[i]);
    }
    return product;
  }

  /** One node's run: its inputs as ONNX tensors and, once asked for, as session tensors. */
  private static final class Call {
    final TensorSession session;
    final OnnxNode node;
    final long opset;
    private final List<OnnxTensor> inputs;
    private final Map<Integer, Tensor> uploaded = new HashMap<>();

    Call(TensorSession session, OnnxNode node, List<OnnxTensor> inputs, long opset) {
      this.session = session;
      this.node = node;
      this.inputs = inputs;
      this.opset = opset;
    }

    boolean has(int index) {
      return index < inputs.size() && inputs.get(index) != null;
    }

    OnnxTensor input(int index) {
      if (!has(index)) {
        throw new OnnxFormatException(node.opType() + " needs input " + index);
      }
      return inputs.get(index);
    }

    int[] dims(int index) {
      long[] dims = input(index).dims();
      int[] ints = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        ints[i] = Math.toIntExact(dims[i]);
      }
      return ints;
    }

    /**
     * Input {@code index} on the device. In EXACT mode FLOAT data becomes Q16_16, which these tests only meet
     * where every value is a Q16.16 number; anything else would test the conversion, not the operator.
     */
    Tensor data(int index) {
      return uploaded.computeIfAbsent(index, i -> upload(input(i), session.mode()));
    }

    Tensor optionalData(int index) {
      return has(index) ? data(index) : null;
    }

    /** A quantization scale: FLOAT32 in either mode, converted by the session on the host. */
    Tensor scale(int index) {
      return upload(input(index), NumericMode.FAST);
    }

    /** Gather indices, read on the host and given to the session as INT32. */
    Tensor indices(int index) {
      return session.fromInts(DType.INT32, Shape.of(dims(index)), hostInts(index));
    }

    /** An INT64 or INT32 input read on the host as ints. */
    int[] hostInts(int index) {
      OnnxTensor tensor = input(index);
      if (tensor.dataType() != OnnxDataType.INT64 && tensor.dataType() != OnnxDataType.INT32) {
        throw new OnnxFormatException(node.opType() + " input " + index + " is " + tensor.dataType()
            + ", expected INT64");
      }
      long[] values = tensor.integers();
      int[] ints = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
          throw new NotApplicableException(node.opType() + " input " + index + " holds " + values[i]
              + ", beyond the Tensor API's int range");
        }
        ints[i] = (int) values[i];
      }
      return ints;
    }

    /** Axes from the optional input (newer opsets) or the {@code axes} attribute (older); empty when absent. */
    int[] axes(int index) {
      return has(index) ? hostInts(index) : node.intsAttribute("axes");
    }

    double hostScalar(int index) {
      OnnxTensor tensor = input(index);
      if (tensor.elementCount() != 1) {
        throw new OnnxFormatException(node.opType() + " input " + index + " is not a scalar");
      }
      apiType(tensor.dataType(), NumericMode.FAST);
      return tensor.asDoubles()[0];
    }

    private Tensor upload(OnnxTensor tensor, NumericMode mode) {
      DType type = apiType(tensor.dataType(), mode);
      Shape shape = Shape.of(toInts(tensor.dims()));
      if (type == DType.FLOAT32) {
        return session.fromFloats(shape, tensor.floats());
      }
      if (type == DType.Q16_16) {
        float[] values = tensor.floats();
        for (float value : values) {
          if (!Float.isFinite(value) || FixedPoint.toDouble(FixedPoint.fromDouble(value)) != value) {
            throw new NotApplicableException("input '" + tensor.name() + "' holds " + value
                + ", which is not a Q16.16 number");
          }
        }
        return session.fromFloatsAsFixed(shape, values);
      }
      long[] values = tensor.integers();
      int[] ints = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        ints[i] = (int) values[i];
      }
      return session.fromInts(type, shape, ints);
    }

    private static int[] toInts(long[] dims) {
      int[] ints = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        ints[i] = Math.toIntExact(dims[i]);
      }
      return ints;
    }
  }
}

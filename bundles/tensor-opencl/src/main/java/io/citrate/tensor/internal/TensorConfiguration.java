package io.citrate.tensor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which backend runs tensor work, on which OpenCL device, under which limits; PID {@code io.citrate.tensor}. */
@ObjectClassDefinition(
    name = "Citrate tensor engine",
    description = "Backend choice (OpenCL or the Java reference) with fallback, OpenCL device selection, session limits.")
public @interface TensorConfiguration {

  @AttributeDefinition(
      name = "Backend",
      description = "auto: OpenCL when a platform and device open, else the Java reference; opencl; java.",
      options = {
          @org.osgi.service.metatype.annotations.Option(value = "auto"),
          @org.osgi.service.metatype.annotations.Option(value = "opencl"),
          @org.osgi.service.metatype.annotations.Option(value = "java")})
  String backend() default "auto";

  @AttributeDefinition(
      name = "Fall back to Java",
      description = "With backend = opencl: run on the Java reference (and log why) when OpenCL cannot be opened; "
          + "false leaves the engine unavailable instead.")
  boolean fallback() default true;

  @AttributeDefinition(
      name = "OpenCL platform",
      description = "Part of the platform name to use, case-insensitive (e.g. NVIDIA, Portable Computing Language); empty for any.")
  String opencl_platform() default "";

  @AttributeDefinition(
      name = "OpenCL device type",
      description = "gpu, cpu, accelerator, or any (a GPU first, then an accelerator, then a CPU).",
      options = {
          @org.osgi.service.metatype.annotations.Option(value = "any"),
          @org.osgi.service.metatype.annotations.Option(value = "gpu"),
          @org.osgi.service.metatype.annotations.Option(value = "cpu"),
          @org.osgi.service.metatype.annotations.Option(value = "accelerator")})
  String opencl_device_type() default "any";

  @AttributeDefinition(
      name = "OpenCL device index",
      description = "Which of the matching devices, in the order above (0 = first).",
      min = "0")
  int opencl_device_index() default 0;

  @AttributeDefinition(
      name = "Kernel binary cache",
      description = "Directory for compiled OpenCL programs, so a restart skips compilation; empty for "
          + "${karaf.data}/tensor/kernels, none to disable.")
  String opencl_kernel_cache() default "";

  @AttributeDefinition(
      name = "Largest tensor",
      description = "Most elements one tensor may have.",
      min = "1")
  long max_tensor_elements() default 16_777_216L;

  @AttributeDefinition(
      name = "Session memory",
      description = "Most bytes the live tensors of one session may hold on the device together.",
      min = "1")
  long max_session_bytes() default 268_435_456L;

  @AttributeDefinition(
      name = "Highest rank",
      description = "Most dimensions a tensor may have (at most 8).",
      min = "1",
      max = "8")
  int max_rank() default 8;

  @AttributeDefinition(
      name = "Multiply-accumulate budget",
      description = "Most multiply-accumulates one session may spend.",
      min = "1")
  long max_multiply_accumulates() default 68_719_476_736L;
}

package io.citrate.rpc.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropwizard metrics in Prometheus' text exposition format, version 0.0.4. A metric's name is its prefix and
 * Dropwizard name joined by dots, sanitised ({@code citrate.node} + {@code head.number} is
 * {@code citrate_node_head_number}). Gauges with a numeric or boolean value are gauges (others are left out);
 * counters and meters are counters named {@code _total}; histograms are summaries of their snapshot; timers are
 * summaries in seconds named {@code _seconds}. Summaries carry quantiles and {@code _count}: Dropwizard keeps no
 * sum, so none is written (as Prometheus' own Dropwizard exporter does).
 */
public final class PrometheusExposition {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusExposition.class);
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
  private static final double SECONDS_PER_NANOSECOND = 1.0 / TimeUnit.SECONDS.toNanos(1);

  private final SortedMap<String, Metric> metrics = new TreeMap<>();
  private final Map<String, String> sources = new TreeMap<>();

  /** Adds {@code metrics} under {@code prefix}; a name already added keeps its first metric. */
  public PrometheusExposition add(String prefix, Map<String, Metric> metrics) {
    metrics.forEach((name, metric) -> {
      String dotted = prefix.isEmpty() ? name : prefix + "." + name;
      String sanitised = sanitise(dotted);
      if (this.metrics.putIfAbsent(sanitised, metric) == null) {
        sources.put(sanitised, dotted);
      }
    });
    return this;
  }

  /** A Prometheus metric name for {@code name}: every character outside {@code [a-zA-Z0-9_:]} becomes '_'. */
  static String sanitise(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      out.append('_');
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
          || c == ':';
      out.append(allowed ? c : '_');
    }
    return out.toString();
  }

  /** The exposition of everything added, one family per metric, sorted by name. */
  public String write() {
    StringBuilder out = new StringBuilder();
    metrics.forEach((name, metric) -> {
      StringBuilder family = new StringBuilder();
      try {
        write(family, name, sources.get(name), metric);
        out.append(family);
      } catch (RuntimeException e) {
        // A gauge computes its value in the bundle that registered it; one that fails is left out.
        LOG.debug("Metric {} could not be read", name, e);
      }
    });
    return out.toString();
  }

  private static void write(StringBuilder out, String name, String source, Metric metric) {
    if (metric instanceof Gauge<?> gauge) {
      Object value = gauge.getValue();
      Double number = value instanceof Number n ? Double.valueOf(n.doubleValue())
          : value instanceof Boolean b ? Double.valueOf(b ? 1 : 0) : null;
      if (number != null) {
        family(out, name, source, "gauge");
        sample(out, name, "", number);
      }
    } else if (metric instanceof Counter counter) {
      family(out, name + "_total", source, "counter");
      sample(out, name + "_total", "", counter.getCount());
    } else if (metric instanceof Meter meter) {
      family(out, name + "_total", source, "counter");
      sample(out, name + "_total", "", meter.getCount());
    } else if (metric instanceof Timer timer) {
      summary(out, name + "_seconds", source, timer.getSnapshot(), timer.getCount(), SECONDS_PER_NANOSECOND);
    } else if (metric instanceof Histogram histogram) {
      summary(out, name, source, histogram.getSnapshot(), histogram.getCount(), 1);
    }
  }

  private static void summary(StringBuilder out, String name, String source, Snapshot snapshot, long count,
      double scale) {
    family(out, name, source, "summary");
    for (double quantile : QUANTILES) {
      sample(out, name, "{quantile=\"" + quantile + "\"}", snapshot.getValue(quantile) * scale);
    }
    sample(out, name + "_count", "", count);
  }

  private static void family(StringBuilder out, String name, String source, String type) {
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(source)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, double value) {
    out.append(name).append(labels).append(' ').append(format(value)).append('\n');
  }

  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String escapeHelp(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n");
  }
}

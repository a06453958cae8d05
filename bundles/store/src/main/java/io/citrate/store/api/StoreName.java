package io.citrate.store.api;

import java.util.regex.Pattern;

/**
 * The name of one key-value store: 1 to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter
 * or digit. Declare names once as constants ({@code StoreName.of("headers")}). Ordered by name.
 */
public final class StoreName implements Comparable<StoreName> {
  public static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String value;

  private StoreName(String value) {
    this.value = value;
  }

  public static StoreName of(String name) {
    if (name == null) {
      throw new InvalidStoreInputException("store name is null");
    }
    if (!VALID.matcher(name).matches()) {
      throw new InvalidStoreInputException(
          "invalid store name '" + name + "': 1 to " + MAX_LENGTH
              + " characters of [A-Za-z0-9._-], starting with a letter or digit");
    }
    return new StoreName(name);
  }

  public String value() {
    return value;
  }

  @Override
  public int compareTo(StoreName other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoreName name && value.equals(name.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
